/** Serves a Blob to tus-js-client in slices, in the browser and in Node alike. */
export const blobFileReader = {
  async openFile(input: unknown) {
    if (!(input instanceof Blob)) throw new Error('documents upload from Blobs only');
    const blob = input;
    return {
      size: blob.size,
      async slice(start: number, end: number) {
        const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
        // tus-js-client reads the slice's length from `size`, as on a Blob.
        const value = Object.assign(bytes, { size: bytes.length });
        return { value, done: end >= blob.size };
      },
      close() {},
    };
  },
};
