import { describe, expect, it } from "vitest";
import { deriveSecrets, parseClientFirst, ScramConversation, ScramFailure } from "./scram.js";

// RFC 7677 §3 (SCRAM-SHA-256) and RFC 5802 §5 (SCRAM-SHA-1 shape): a full exchange for user
// "user", password "pencil". MongoDB's SCRAM-SHA-1 hashes the password first (md5 of
// "user:mongo:pencil"), so only the SHA-256 vector applies verbatim.
describe("SCRAM-SHA-256 (RFC 7677 test vector)", () => {
  const clientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
  const serverNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
  const clientFinal =
    "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0," +
    "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
  const secrets = deriveSecrets("SCRAM-SHA-256", "user", "pencil", {
    salt: Buffer.from("W22ZaJ0SNY7soEsUEjb6gQ==", "base64"),
    iterations: 4096,
  });

  const conversation = (): ScramConversation => {
    const client = parseClientFirst(Buffer.from(clientFirst));
    expect(client.username).toBe("user");
    return new ScramConversation("SCRAM-SHA-256", client.username, secrets, client, serverNonce);
  };

  it("produces the RFC's server-first and server-final messages", () => {
    const conv = conversation();
    expect(conv.serverFirst).toBe(
      "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
    );
    expect(conv.finish(Buffer.from(clientFinal))).toBe("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  });

  it("refuses a wrong proof, a changed nonce and a wrong channel binding", () => {
    const badProof = clientFinal.replace("p=dHzb", "p=eHzb");
    expect(() => conversation().finish(Buffer.from(badProof))).toThrow(ScramFailure);
    const badNonce = clientFinal.replace("hNlF$k0", "hNlF$k1");
    expect(() => conversation().finish(Buffer.from(badNonce))).toThrow(ScramFailure);
    const badBinding = clientFinal.replace("c=biws", "c=eSws");
    expect(() => conversation().finish(Buffer.from(badBinding))).toThrow(ScramFailure);
  });

  it("decodes =2C and =3D in user names and refuses other escapes (RFC 5802 §5.1)", () => {
    expect(parseClientFirst(Buffer.from("n,,n=a=2Cb=3Dc,r=abc")).username).toBe("a,b=c");
    expect(() => parseClientFirst(Buffer.from("n,,n=a=41,r=abc"))).toThrow(ScramFailure);
    expect(() => parseClientFirst(Buffer.from("p=tls-unique,,n=u,r=abc"))).toThrow(ScramFailure);
  });
});
