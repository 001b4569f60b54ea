import { User } from "../users/index.js";
import { mentionCandidates, renderMarkdown, type Rendered } from "./markdown.render.js";

/**
 * Render a post body with its mentions resolved against the users that exist (one query for all of
 * them). Called before anything is written, so a body that cannot be rendered writes nothing.
 */
export async function renderBody(body: string): Promise<Rendered> {
  const ids = mentionCandidates(body);
  const users = ids.length ? await User.find({ _id: { $in: ids } }, { name: 1 }).lean() : [];
  return renderMarkdown(body, new Map(users.map((u) => [u._id.toString(), u.name])));
}
