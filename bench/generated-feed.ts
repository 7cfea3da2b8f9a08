/**
 * A synthetic outlet feed for the benchmarks: a deterministic mix of articles about the show
 * (release windows, filming, cast, crew), about other shows, and general streaming news, in the
 * proportions a K-drama outlet's feed tends to have. Same seed, same feed, so runs compare.
 */
import { seededRandom } from '../test/helpers/seeded-random.ts';

export interface GeneratedArticle {
  guid: string;
  title: string;
  /** HTML body, as outlets put it in <description> or <content:encoded>. */
  html: string;
  published: Date;
}


const CAST = ['Park Ji-hu', 'Yoon Chan-young', 'Cho Yi-hyun', 'Lomon', 'Lee Min-jae', 'Kim Si-eun', 'Yoo In-soo', 'Lee Yoo-mi'];
const OTHER_SHOWS = ['Sweet Home', 'Hellbound', 'Kingdom', 'Weak Hero', 'Squid Game'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Template = (pick: <T>(list: readonly T[]) => T) => { title: string; paragraphs: string[] };

/** Articles about the show; each carries at least one claim the extractor should find. */
const ABOUT_THE_SHOW: Template[] = [
  (pick) => {
    const month = pick(MONTHS);
    return {
      title: `All of Us Are Dead season 2 aims for a ${month} 2027 premiere, insiders say`,
      paragraphs: [
        `Netflix is reportedly eyeing ${month} 2027 for the second season of All of Us Are Dead, according to people close to the production.`,
        'The streamer has not confirmed a date, and a spokesperson said only that the series would return "when it is ready".',
      ],
    };
  },
  () => ({
    title: 'Cameras stop rolling on All of Us Are Dead 2',
    paragraphs: [
      'Filming on the second season of All of Us Are Dead has wrapped, the production company said in a statement on Tuesday.',
      'The zombie drama now moves into post-production, where the visual effects team will spend most of the coming year.',
    ],
  }),
  (pick) => {
    const actor = pick(CAST);
    return {
      title: `${actor} confirmed to return for All of Us Are Dead season 2`,
      paragraphs: [
        `${actor} will be back for the second season of All of Us Are Dead, Netflix confirmed on Monday.`,
        'The announcement ends months of speculation among fans who had been reading between the lines of cast interviews.',
      ],
    };
  },
  () => ({
    title: 'Lee Jae-kyoo returns to direct All of Us Are Dead season 2',
    paragraphs: [
      'Director Lee Jae-kyoo, who helmed the first season, will direct the second season of All of Us Are Dead, according to the agency.',
      'Writer Chun Sung-il is also back on the script.',
    ],
  }),
  (pick) => ({
    title: `Rumour: All of Us Are Dead season 2 could run ${pick(['eight', 'ten', 'twelve'])} episodes`,
    paragraphs: [
      'A post circulating in fan communities claims the new season of All of Us Are Dead may be shorter than the first.',
      'Nothing has been decided, a source at the studio told us, and the episode count is still being discussed.',
    ],
  }),
];

/** Articles that mention other shows or none: relevance must throw these out cheaply. */
const ELSEWHERE: Template[] = [
  (pick) => {
    const show = pick(OTHER_SHOWS);
    return {
      title: `${show} tops the weekly non-English chart again`,
      paragraphs: [
        `${show} held the top spot on the streaming chart for a third week, with viewing hours up on the week before.`,
        'Analysts credit word of mouth and a strong opening weekend in Latin America.',
      ],
    };
  },
  (pick) => ({
    title: `Five Korean thrillers to watch this ${pick(['weekend', 'month', 'autumn'])}`,
    paragraphs: [
      'From a courtroom drama to a heist caper, these are the series our writers keep recommending to friends.',
      'Most are available with subtitles in more than thirty languages.',
    ],
  }),
  (pick) => ({
    title: `Box office: a ${pick(['romantic comedy', 'disaster film', 'period drama'])} leads a quiet weekend`,
    paragraphs: [
      'Ticket sales dipped across the country as the holiday period ended, with the top ten films earning less than the week before.',
    ],
  }),
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `count` articles, newest first, one every six hours back from `newest`; about a third about the show. */
export function generateArticles(count: number, options: { seed?: number; newest?: Date; prefix?: string } = {}): GeneratedArticle[] {
  const random = seededRandom(options.seed ?? 2027);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const newest = (options.newest ?? new Date('2026-06-01T09:00:00Z')).getTime();
  const prefix = options.prefix ?? 'gen';
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const template = random() < 0.35 ? pick(ABOUT_THE_SHOW) : pick(ELSEWHERE);
    const { title, paragraphs } = template(pick);
    out.push({
      guid: `${prefix}-${i}`,
      title,
      html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
      published: new Date(newest - i * 6 * 3600 * 1000),
    });
  }
  return out;
}

/** RSS 2.0 the way WordPress-style outlets publish it: CDATA HTML in content:encoded, a short description. */
export function renderRss(title: string, base: string, articles: readonly GeneratedArticle[]): string {
  const items = articles
    .map((a) =>
      `<item><title>${escapeXml(a.title)}</title><link>${base}/news/${a.guid}</link><guid isPermaLink="false">${a.guid}</guid>` +
      `<pubDate>${a.published.toUTCString()}</pubDate><description>${escapeXml(a.title)}</description>` +
      `<content:encoded><![CDATA[${a.html}]]></content:encoded></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>${escapeXml(title)}</title><link>${base}/</link><description>Streaming and K-drama news</description>\n${items}\n</channel></rss>`;
}

export { seededRandom };
