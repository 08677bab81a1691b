// An independent ActivityPub server for Folio's end-to-end federation test: Fedify (pinned in package-lock.json) with
// one Person, alice, on plain HTTP at 127.0.0.1:PORT. Its inbox keeps every activity it receives; a control API on the
// same server lets the test make alice look up, follow, reply, like, boost, unfollow and delete.
//   node peer.mjs PORT
// Trusting Folio's throwaway CA is NODE_EXTRA_CA_CERTS's job, set by the test (tests/Folio.Testing/FediversePeer.cs).
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import {
  Accept, Activity, Announce, Create, createFederation, Delete, Endpoints, Follow, generateCryptoKeyPair, Group, isActor, Like,
  MemoryKvStore, Note, Person, PUBLIC_COLLECTION, Tombstone, Undo, Update,
} from "@fedify/fedify";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node peer.mjs PORT");
  process.exit(2);
}

const origin = `http://127.0.0.1:${port}`;
const me = "alice";
// No message queue: sendActivity delivers before it returns, so a control call fails when delivery fails.
const federation = createFederation({ kv: new MemoryKvStore(), allowPrivateAddress: true, origin });
const keys = [await generateCryptoKeyPair("RSASSA-PKCS1-v1_5")];
const received = [];
const notes = new Map();
const follows = new Map();

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== me) return null;
    const [pair] = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "Alice (Fedify peer)",
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      url: ctx.getActorUri(identifier),
      publicKey: pair.cryptographicKey,
      assertionMethods: [pair.multikey],
    });
  })
  .setKeyPairsDispatcher((_ctx, identifier) => (identifier === me ? keys : []));

federation.setObjectDispatcher(Note, "/users/{identifier}/notes/{id}", (_ctx, { identifier, id }) =>
  identifier === me ? notes.get(id)?.note ?? null : null);

const record = async (_ctx, activity) => {
  received.push({
    id: activity.id?.href ?? null,
    type: activity.constructor.typeId.href.replace("https://www.w3.org/ns/activitystreams#", ""),
    actor: activity.actorId?.href ?? null,
    object: activity.objectId?.href ?? null,
    json: await activity.toJsonLd({ format: "compact" }),
  });
};
const inbox = federation.setInboxListeners("/users/{identifier}/inbox", "/inbox");
for (const type of [Follow, Accept, Create, Announce, Undo, Update, Delete, Activity]) inbox.on(type, record);
inbox.onError((_ctx, error) => console.error("inbox error:", error));

const control = {
  async lookup(ctx, { handle }) {
    const actor = await actorFor(ctx, handle);
    return describe(actor);
  },
  async follow(ctx, { handle }) {
    const actor = await actorFor(ctx, handle);
    const follow = new Follow({ id: newId(ctx, "follow"), actor: ctx.getActorUri(me), object: actor.id });
    await ctx.sendActivity({ identifier: me }, actor, follow);
    follows.set(actor.id.href, follow);
    return { ...describe(actor), follow: follow.id.href };
  },
  async "undo-follow"(ctx, { handle }) {
    const actor = await actorFor(ctx, handle);
    const follow = follows.get(actor.id.href) ?? fail(409, `alice does not follow ${handle}`);
    await ctx.sendActivity({ identifier: me }, actor, new Undo({ id: newId(ctx, "undo"), actor: ctx.getActorUri(me), object: follow }));
    follows.delete(actor.id.href);
    return { undone: follow.id.href };
  },
  async reply(ctx, { inReplyTo, content }) {
    const author = await authorOf(ctx, inReplyTo);
    const id = randomUUID();
    const note = new Note({
      id: ctx.getObjectUri(Note, { identifier: me, id }), attribution: ctx.getActorUri(me), replyTarget: new URL(inReplyTo),
      content, to: PUBLIC_COLLECTION, cc: author.id,
    });
    notes.set(id, { note, author });
    await ctx.sendActivity({ identifier: me }, author,
      new Create({ id: newId(ctx, "create"), actor: ctx.getActorUri(me), object: note, to: PUBLIC_COLLECTION, cc: author.id }));
    return { id: note.id.href };
  },
  async like(ctx, { object }) {
    const author = await authorOf(ctx, object);
    const like = new Like({ id: newId(ctx, "like"), actor: ctx.getActorUri(me), object: new URL(object) });
    await ctx.sendActivity({ identifier: me }, author, like);
    return { id: like.id.href };
  },
  async announce(ctx, { object }) {
    const author = await authorOf(ctx, object);
    const announce = new Announce({ id: newId(ctx, "announce"), actor: ctx.getActorUri(me), object: new URL(object), to: PUBLIC_COLLECTION, cc: author.id });
    await ctx.sendActivity({ identifier: me }, author, announce);
    return { id: announce.id.href };
  },
  async "delete-reply"(ctx, { id }) {
    const key = [...notes.keys()].find(k => notes.get(k).note.id.href === id) ?? fail(404, `alice wrote no note ${id}`);
    const { note, author } = notes.get(key);
    notes.delete(key);
    await ctx.sendActivity({ identifier: me }, author, new Delete({
      id: newId(ctx, "delete"), actor: ctx.getActorUri(me), object: new Tombstone({ id: note.id }), to: PUBLIC_COLLECTION, cc: author.id,
    }));
    return { deleted: id };
  },
};

// Ids of activities that are never fetched back: fragments of alice's id keep them unique and hers.
const newId = (ctx, kind) => new URL(`#${kind}-${randomUUID()}`, ctx.getActorUri(me));

function fail(status, message) {
  throw Object.assign(new Error(message), { status });
}

async function actorFor(ctx, handle) {
  const actor = await ctx.lookupObject(handle);
  return isActor(actor) ? actor : fail(404, `${handle} did not resolve to an actor (got ${actor?.constructor.name ?? "nothing"})`);
}

// A reply, like or boost goes to whoever wrote the object: for a story, its creator.
async function authorOf(ctx, object) {
  const found = await ctx.lookupObject(object) ?? fail(404, `${object} could not be fetched`);
  const author = await found.getAttribution({ documentLoader: ctx.documentLoader });
  return isActor(author) ? author : fail(404, `${object} has no attributedTo actor`);
}

const describe = actor => ({
  id: actor.id.href,
  type: actor instanceof Group ? "Group" : actor instanceof Person ? "Person" : actor.constructor.name,
  preferredUsername: actor.preferredUsername?.toString() ?? null,
  inbox: actor.inboxId?.href ?? null,
  sharedInbox: actor.endpoints?.sharedInbox?.href ?? null,
});

async function handleControl(request) {
  const url = new URL(request.url);
  const ctx = federation.createContext(url, undefined);
  if (request.method === "GET" && url.pathname === "/control/received") return Response.json(received);
  const action = request.method === "POST" && control[url.pathname.slice("/control/".length)];
  if (!action) return Response.json({ error: "no such control" }, { status: 404 });
  try {
    return Response.json(await action(ctx, await request.json()));
  } catch (error) {
    console.error(`${url.pathname}:`, error);
    // A refusal quotes the whole HTML error page; the start says enough.
    return Response.json({ error: String(error?.message ?? error).slice(0, 600) }, { status: error.status ?? 502 });
  }
}

// Node's http server in front of Fedify's fetch-style handler.
createServer(async (req, res) => {
  try {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(new URL(req.url, origin), { method: req.method, headers: req.headers, body });
    const response = request.url.startsWith(`${origin}/control/`)
      ? await handleControl(request)
      : await federation.fetch(request, { contextData: undefined });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    console.error(`${req.method} ${req.url}:`, error);
    res.writeHead(500).end();
  }
}).listen(port, "127.0.0.1", () => console.log(`fediverse peer: @${me}@127.0.0.1:${port} at ${origin}`));
