/**
 * Every answer of the central server names its request in this header: the id its log lines of that
 * request carry. A device shows it where the server failed it, for IT (decision 0032).
 */
export const REQUEST_ID_HEADER = 'x-request-id';
