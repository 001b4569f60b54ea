import mongoose, { Schema, type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, uniqueDbName, type TestServer } from "./harness.js";

interface MongoErrorShape {
  code?: number;
  message: string;
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
}

async function rejection(p: Promise<unknown>): Promise<MongoErrorShape> {
  try {
    await p;
  } catch (err) {
    return err as MongoErrorShape;
  }
  throw new Error("expected the operation to fail");
}

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true },
    name: String,
    age: Number,
    tags: [String],
    visits: { type: Number, default: 0 },
  },
  { timestamps: true },
);

const postSchema = new Schema(
  {
    author: { type: Schema.Types.ObjectId, ref: "User" },
    title: String,
    likes: { type: Number, default: 0 },
    category: String,
  },
  { timestamps: true },
);

describe("mongoose compatibility", () => {
  let server: TestServer;
  let conn: Connection;
  const dbName = uniqueDbName("compat_mongoose");

  beforeAll(async () => {
    server = await startTestServer();
    conn = await mongoose.createConnection(server.uri, { dbName }).asPromise();
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
    await server?.stop();
  });

  const User = () => conn.models.User ?? conn.model("User", userSchema);
  const Post = () => conn.models.Post ?? conn.model("Post", postSchema);

  it("creates, reads, updates and deletes documents", async () => {
    await User().syncIndexes();
    const created = await User().create({ email: "ana@example.id", name: "Ana", age: 31 });
    expect(created._id).toBeDefined();

    const found = await User().findById(created._id).lean();
    expect(found).toMatchObject({ email: "ana@example.id", name: "Ana", age: 31, visits: 0 });

    const res = await User().updateOne(
      { _id: created._id },
      { $set: { name: "Ana S." }, $inc: { visits: 2 } },
    );
    expect(res).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    const same = await User().updateOne({ _id: created._id }, { $set: { name: "Ana S." } });
    expect(same.matchedCount).toBe(1);

    await User().updateOne({ _id: created._id }, { $push: { tags: { $each: ["a", "b", "c"] } } });
    await User().updateOne({ _id: created._id }, { $pull: { tags: "b" } });
    await User().updateOne({ _id: created._id }, { $addToSet: { tags: { $each: ["a", "d"] } } });
    const after = await User().findById(created._id).lean();
    expect(after?.tags).toEqual(["a", "c", "d"]);
    expect(after?.visits).toBe(2);

    const selected = await User().findOne({ email: "ana@example.id" }).select("name -_id").lean();
    expect(selected).toEqual({ name: "Ana S." });

    const del = await User().deleteOne({ _id: created._id });
    expect(del.deletedCount).toBe(1);
    expect(await User().findById(created._id)).toBeNull();
  });

  it("reports E11000 on insert, update and findOneAndUpdate", async () => {
    await User().syncIndexes();
    await User().create([{ email: "dup@example.id" }, { email: "other@example.id" }]);

    const onInsert = await rejection(User().create({ email: "dup@example.id" }));
    expect(onInsert.code).toBe(11000);
    expect(onInsert.message).toMatch(
      new RegExp(
        `E11000 duplicate key error collection: ${dbName}\\.users index: email_1 dup key: \\{ email: "dup@example\\.id" \\}`,
      ),
    );
    expect(onInsert.keyPattern).toEqual({ email: 1 });
    expect(onInsert.keyValue).toEqual({ email: "dup@example.id" });

    const onUpdate = await rejection(
      User().updateOne({ email: "other@example.id" }, { $set: { email: "dup@example.id" } }),
    );
    expect(onUpdate.code).toBe(11000);
    expect(onUpdate.keyValue).toEqual({ email: "dup@example.id" });

    const onFam = await rejection(
      User().findOneAndUpdate(
        { email: "other@example.id" },
        { $set: { email: "dup@example.id" } },
        { returnDocument: "after" },
      ),
    );
    expect(onFam.code).toBe(11000);
    expect(onFam.keyPattern).toEqual({ email: 1 });
    expect(onFam.keyValue).toEqual({ email: "dup@example.id" });

    // The failed writes changed nothing.
    expect(await User().countDocuments({ email: "other@example.id" })).toBe(1);
  });

  it("upserts with timestamps, setting createdAt only on insert", async () => {
    const first = await User().findOneAndUpdate(
      { email: "upsert@example.id" },
      { $set: { name: "First" }, $inc: { visits: 1 } },
      { upsert: true, returnDocument: "after" },
    );
    expect(first).toMatchObject({ email: "upsert@example.id", name: "First", visits: 1 });
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(first?.updatedAt).toBeInstanceOf(Date);
    const createdAt = first?.createdAt as Date;

    await new Promise((r) => setTimeout(r, 5));
    const second = await User().findOneAndUpdate(
      { email: "upsert@example.id" },
      { $set: { name: "Second" }, $inc: { visits: 1 } },
      { upsert: true, returnDocument: "after" },
    );
    expect(second).toMatchObject({ name: "Second", visits: 2 });
    expect(second?.createdAt.getTime()).toBe(createdAt.getTime());
    expect(second?.updatedAt.getTime()).toBeGreaterThan(createdAt.getTime());

    const viaUpdate = await User().updateOne(
      { email: "upsert2@example.id" },
      { $set: { age: 9 } },
      { upsert: true },
    );
    expect(viaUpdate.upsertedCount).toBe(1);
    expect(viaUpdate.upsertedId).toBeDefined();
    const inserted = await User().findById(viaUpdate.upsertedId).lean();
    expect(inserted).toMatchObject({ email: "upsert2@example.id", age: 9 });
    expect(inserted?.createdAt).toBeInstanceOf(Date);
  });

  it("populates references", async () => {
    const author = await User().create({ email: "writer@example.id", name: "Writer" });
    await Post().create([
      { author: author._id, title: "One" },
      { author: author._id, title: "Two" },
    ]);
    const posts = await Post()
      .find({ author: author._id })
      .sort({ title: 1 })
      .populate("author", "name")
      .lean();
    expect(posts.map((p) => p.title)).toEqual(["One", "Two"]);
    expect(posts[0].author).toMatchObject({ name: "Writer" });
  });

  it("aggregates with $lookup, $facet and $group", async () => {
    const a = await User().create({ email: "agg-a@example.id", name: "A" });
    const b = await User().create({ email: "agg-b@example.id", name: "B" });
    await Post().create([
      { author: a._id, title: "p1", likes: 3, category: "agg" },
      { author: a._id, title: "p2", likes: 5, category: "agg" },
      { author: b._id, title: "p3", likes: 1, category: "agg" },
    ]);
    const grouped = await Post().aggregate<{ _id: string; likes: number; posts: number }>([
      { $match: { category: "agg" } },
      { $lookup: { from: "users", localField: "author", foreignField: "_id", as: "user" } },
      { $unwind: "$user" },
      { $group: { _id: "$user.name", likes: { $sum: "$likes" }, posts: { $sum: 1 } } },
      { $sort: { _id: 1 } },
    ]);
    expect(grouped).toEqual([
      { _id: "A", likes: 8, posts: 2 },
      { _id: "B", likes: 1, posts: 1 },
    ]);

    const [facets] = await Post().aggregate<{ total: { n: number }[]; top: { title: string }[] }>([
      { $match: { category: "agg" } },
      {
        $facet: {
          total: [{ $count: "n" }],
          top: [{ $sort: { likes: -1 } }, { $limit: 2 }, { $project: { _id: 0, title: 1 } }],
        },
      },
    ]);
    expect(facets.total).toEqual([{ n: 3 }]);
    expect(facets.top).toEqual([{ title: "p2" }, { title: "p1" }]);
  });

  it("iterates cursors with small batch sizes", async () => {
    const docs = Array.from({ length: 250 }, (_, i) => ({
      email: `cursor${String(i).padStart(3, "0")}@example.id`,
      age: i,
    }));
    await User().insertMany(docs);
    const seen: number[] = [];
    for await (const u of User()
      .find({ email: /^cursor/ })
      .sort({ age: 1 })
      .batchSize(7)
      .cursor()) {
      seen.push(u.age as number);
    }
    expect(seen).toEqual(docs.map((d) => d.age));
    const page = await User()
      .find({ email: /^cursor/ })
      .sort({ age: -1 })
      .skip(10)
      .limit(5)
      .lean();
    expect(page.map((u) => u.age)).toEqual([239, 238, 237, 236, 235]);
    expect(await User().countDocuments({ email: /^cursor/, age: { $gte: 200 } })).toBe(50);
    const many = await User().updateMany({ email: /^cursor/, age: { $lt: 10 } }, { $set: { name: "early" } });
    expect(many.modifiedCount).toBe(10);
    const gone = await User().deleteMany({ email: /^cursor/ });
    expect(gone.deletedCount).toBe(250);
  });

  it("syncIndexes creates, keeps and drops indexes", async () => {
    const v1 = new Schema({ slug: String, owner: String, expiresAt: Date, nick: String });
    v1.index({ slug: 1 }, { unique: true });
    v1.index({ owner: 1, slug: -1 });
    v1.index({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    v1.index({ nick: 1 }, { unique: true, partialFilterExpression: { nick: { $type: "string" } } });
    const M1 = conn.model("Thing", v1, "things");
    await M1.syncIndexes();
    const listed = await M1.listIndexes();
    expect(listed.map((ix) => ix.name).sort()).toEqual([
      "_id_",
      "expiresAt_1",
      "nick_1",
      "owner_1_slug_-1",
      "slug_1",
    ]);
    expect(listed.find((ix) => ix.name === "_id_")).toMatchObject({ v: 2, key: { _id: 1 } });
    expect(listed.find((ix) => ix.name === "nick_1")).toMatchObject({
      unique: true,
      partialFilterExpression: { nick: { $type: "string" } },
    });
    expect(listed.find((ix) => ix.name === "expiresAt_1")).toMatchObject({ expireAfterSeconds: 3600 });
    // Nothing to do the second time round: options round-trip exactly.
    expect(await M1.syncIndexes()).toEqual([]);

    const v2 = new Schema({ slug: String, owner: String, expiresAt: Date, nick: String });
    v2.index({ slug: 1 }, { unique: true });
    v2.index({ owner: 1 });
    const M2 = conn.model("Thing2", v2, "things");
    const dropped = await M2.syncIndexes();
    expect([...dropped].sort()).toEqual(["expiresAt_1", "nick_1", "owner_1_slug_-1"]);
    expect((await M2.listIndexes()).map((ix) => ix.name).sort()).toEqual(["_id_", "owner_1", "slug_1"]);

    await M2.create({ slug: "x" });
    const dup = await rejection(M2.create({ slug: "x" }));
    expect(dup.code).toBe(11000);
  });

  it("enforces compound, sparse and partial unique indexes", async () => {
    const schema = new Schema({ org: String, handle: String, phone: String, status: String, code: String });
    schema.index({ org: 1, handle: 1 }, { unique: true });
    schema.index({ phone: 1 }, { unique: true, sparse: true });
    schema.index({ code: 1 }, { unique: true, partialFilterExpression: { status: "active" } });
    const Member = conn.model("Member", schema, "members");
    await Member.syncIndexes();

    await Member.create({ org: "a", handle: "x" });
    await Member.create({ org: "b", handle: "x" });
    const compound = await rejection(Member.create({ org: "a", handle: "x" }));
    expect(compound.code).toBe(11000);
    expect(compound.keyValue).toEqual({ org: "a", handle: "x" });

    // Sparse: many documents without the field are fine, a repeated value is not.
    await Member.create({ org: "c", handle: "1", phone: "+62-1" });
    expect((await rejection(Member.create({ org: "c", handle: "2", phone: "+62-1" }))).code).toBe(11000);

    // Partial: only active documents take part.
    await Member.create({ org: "d", handle: "1", code: "K", status: "inactive" });
    await Member.create({ org: "d", handle: "2", code: "K", status: "active" });
    await Member.create({ org: "d", handle: "3", code: "K", status: "inactive" });
    expect(
      (await rejection(Member.create({ org: "d", handle: "4", code: "K", status: "active" }))).code,
    ).toBe(11000);
  });

  it("inserts many, ordered and unordered, around duplicates", async () => {
    const Tag = conn.model("Tag", new Schema({ name: { type: String, unique: true } }), "tags");
    await Tag.syncIndexes();
    const ordered = await rejection(
      Tag.insertMany([{ name: "a" }, { name: "a" }, { name: "b" }], { ordered: true }),
    );
    expect(ordered.code).toBe(11000);
    expect((await Tag.find().lean()).map((t) => t.name)).toEqual(["a"]);

    const unordered = await rejection(
      Tag.insertMany([{ name: "c" }, { name: "a" }, { name: "d" }], { ordered: false }),
    );
    expect(unordered.code).toBe(11000);
    expect((await Tag.find().sort({ name: 1 }).lean()).map((t) => t.name)).toEqual(["a", "c", "d"]);
    expect(await Tag.estimatedDocumentCount()).toBe(3);
  });
});
