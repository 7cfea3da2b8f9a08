import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/feeds/html-text.ts';

describe('htmlToText reads a table a row at a time', () => {
  it('labels each cell of a row with its column heading and leaves the heading row out', () => {
    const html = `<p>Cast board:</p><table>
      <tr><th>Actor</th><th>Character</th><th>S2</th></tr>
      <tr><td>Park Ji-hu</td><td><b>Nam</b> On-jo</td><td>returning</td></tr>
      <tr><td>Lee Min-jae</td><td></td><td>new</td></tr>
    </table><p>More soon.</p>`;
    expect(htmlToText(html)).toBe(['Cast board:', 'Actor: Park Ji-hu; Character: Nam On-jo; S2: returning', 'Actor: Lee Min-jae; Character: —; S2: new', 'More soon.'].join('\n'));
  });

  it('takes the headings from a thead of plain cells', () => {
    const html = '<table><thead><tr><td>Show</td><td>Episodes</td></tr></thead><tbody><tr><td>Squid Game S3</td><td>6</td></tr></tbody></table>';
    expect(htmlToText(html)).toBe('Show: Squid Game S3; Episodes: 6');
  });

  it('joins the cells of a table without headings, and of a row whose cell count does not match them', () => {
    expect(htmlToText('<table><tr><td>Filming</td><td>wrapped</td></tr></table>')).toBe('Filming; wrapped');
    expect(htmlToText('<table><tr><th>A</th><th>B</th></tr><tr><td colspan="2">Note: dates are KST</td></tr></table>')).toBe('Note: dates are KST');
  });

  it('ends a row at the next row or the end of the table even when its closing tag is missing', () => {
    const html = '<table><tr><th>Field</th><th>Value</th></tr><tr><td>Status</td><td>Renewed</td></tr><tr><td>Platform</td><td>Netflix</td></table>';
    expect(htmlToText(html)).toBe('Field: Status; Value: Renewed\nField: Platform; Value: Netflix');
  });
});
