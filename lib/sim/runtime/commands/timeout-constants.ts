// Shared with process.ts's CPU slice: a busy child of `timeout` is charged this much virtual time per slice.
export const BUSY_SLICE_MS_FOR_TIMEOUT = 100;
