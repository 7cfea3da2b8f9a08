/** The most a feed may weigh, fetched or read from a file. Its own module so reading a file needs no HTTP client. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
