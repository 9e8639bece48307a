// Files sent with a request or a message: the server's limits checked before the upload starts, sizes in French units,
// and the files of a request listed as download links.
import { ApiError } from "./api.js";
import { el } from "./layout.js";

/** The limits of the server (TicketingSettings' defaults), as the filing page's help states them. */
export const LIMITS = { perFile: 10 * 1024 * 1024, inAll: 25 * 1024 * 1024, count: 10 };

/** "12 Kio" under one mebibyte (at least 1 Kio), else "1,5 Mio" or "10 Mio", as the server writes them. */
export function size(bytes) {
  const kibibytes = Math.ceil(bytes / 1024);
  if (kibibytes < 1024) return `${Math.max(1, kibibytes)} Kio`;
  return `${(Math.round(bytes / (1024 * 1024) * 10) / 10).toLocaleString("fr-FR")} Mio`;
}

/** Every file a request shows: those filed with it, then those of its messages. */
export function filesOf(request) {
  return request.attachments.concat(request.messages.flatMap((m) => m.attachments || []));
}

/** Why these files cannot be sent with a request that has `attached` already, or null when they can. */
export function refusal(files, attached = []) {
  const chosen = [...files];
  if (chosen.length + attached.length > LIMITS.count) {
    return `Une demande peut avoir au plus ${LIMITS.count} fichiers`
      + (attached.length ? ` ; celle-ci en a déjà ${attached.length}.` : ".");
  }
  const tooLarge = chosen.find((f) => f.size > LIMITS.perFile);
  if (tooLarge) {
    return `Le fichier « ${tooLarge.name} » dépasse ${size(LIMITS.perFile)}, la taille maximale d'un fichier.`;
  }
  const already = attached.reduce((sum, a) => sum + a.size, 0);
  if (chosen.reduce((sum, f) => sum + f.size, already) > LIMITS.inAll) {
    return `Les fichiers d'une demande ne peuvent pas dépasser ${size(LIMITS.inAll)} en tout`
      + (already ? ` ; ceux déjà joints font ${size(already)}.` : ".");
  }
  return null;
}

/** The files chosen in `input`, or, thrown as a form error on the field `file`, why they cannot be sent. */
export function checkedFiles(input, attached = []) {
  const why = refusal(input.files, attached);
  if (why) throw new ApiError(0, { detail: "Le fichier choisi ne peut pas être envoyé.", errors: { file: why } });
  return [...input.files];
}

/** A file input taking several files, named `file` as the API's parts. */
export function fileInput(id) {
  return el("input", { type: "file", id, name: "file", "data-champ": "file", multiple: true });
}

/** The help of a file field: what may be sent, and how much. */
export const FILE_HELP = `Facultatif. PDF, images, textes, documents bureautiques ou ZIP ; ${size(LIMITS.perFile)} au plus `
  + `par fichier, ${size(LIMITS.inAll)} en tout pour la demande.`;

/** The files as download links, each with its size; null when there are none. */
export function fileList(number, files, label) {
  if (!files || !files.length) return null;
  return el("ul", { class: "fichiers", "aria-label": label },
    files.map((a) => el("li", {},
      el("a", { href: `/api/v1/requests/${encodeURIComponent(number)}/attachments/${encodeURIComponent(a.id)}`,
        download: a.name }, a.name),
      ` (${size(a.size)})`)));
}
