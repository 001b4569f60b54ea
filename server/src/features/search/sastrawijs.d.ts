// sastrawijs ships types that its `exports` map hides from NodeNext resolution; the part we use.
declare module "sastrawijs" {
  export class Stemmer {
    constructor(dictionary?: string[]);
    stem(word: string): string;
  }
}
