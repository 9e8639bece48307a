import { api } from "./api.js";
import { adminFrame, el, showErrors, clearErrors } from "./layout.js";
import { personSearch } from "./choix-personne.js";

const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const tree = document.getElementById("arbre");
const types = document.getElementById("types");
const addType = document.getElementById("ajout-type");
const addTypeErrors = document.getElementById("ajout-type-erreurs");

const ROUTINGS = {
  GROUP_QUEUE: "File du groupe (à prendre)",
  FEWEST_OPEN: "Au membre le moins chargé",
};
/** What a root without a routing of its own uses. */
const DEFAULT_ROUTING = "FEWEST_OPEN";

let groups = [];

function field(id, label, control, help) {
  return el("div", { class: "champ" },
    el("label", { for: id }, label, help ? el("span", { class: "aide" }, help) : null),
    control,
    el("p", { class: "erreur-champ", id: `${id}-erreur` }));
}

/**
 * The fields a subject's form shares with the form adding a child: label, own group, own routing and specialists,
 * filled with `values`; `inherited` names the group and routing it would take from its parent (null for a root).
 */
function subjectFields(key, values, inherited) {
  const groupSelect = el("select", { id: `${key}-groupe`, name: "group", "data-champ": "group",
    "aria-describedby": `${key}-groupe-erreur` },
  inherited ? el("option", { value: "" }, `Hérité (${inherited.group.label})`) : null,
  groups.map((g) => el("option", { value: g.code }, g.label)));
  groupSelect.value = values.group || (inherited ? "" : (groups[0] || {}).code || "");
  const routingSelect = el("select", { id: `${key}-acheminement`, name: "routing", "data-champ": "routing",
    "aria-describedby": `${key}-acheminement-erreur` },
  el("option", { value: "" }, `Hérité (${ROUTINGS[inherited ? inherited.routing : DEFAULT_ROUTING]})`),
  Object.entries(ROUTINGS).map(([value, label]) => el("option", { value }, label)));
  routingSelect.value = values.routing || "";

  const chosen = [...values.specialists];
  const chosenList = el("ul", { class: "membres" });
  const renderChosen = () => chosenList.replaceChildren(...(chosen.length ? chosen.map((s) => el("li", {},
    `${s.displayName} (${s.identifier}) `,
    el("button", {
      class: "bouton secondaire", type: "button", "aria-label": `Retirer ${s.displayName} des spécialistes`,
      onclick: () => {
        chosen.splice(chosen.indexOf(s), 1);
        renderChosen();
      },
    }, "Retirer"))) : [el("li", {}, "Aucun spécialiste.")]));
  renderChosen();
  const search = personSearch(`${key}-specialiste`, "specialists", "Ajouter un spécialiste", (p) => {
    chosen.push({ identifier: p.identifier, displayName: p.displayName });
    renderChosen();
  }, (p) => p.roles.some((r) => r !== "REQUESTER") && !chosen.some((s) => s.identifier === p.identifier));

  return {
    nodes: [
      field(`${key}-groupe`, "Groupe de support", groupSelect),
      field(`${key}-acheminement`, "Acheminement des nouvelles demandes", routingSelect),
      el("fieldset", {}, el("legend", {}, "Spécialistes"), chosenList, search),
    ],
    values: () => ({
      group: groupSelect.value || null,
      routing: routingSelect.value || null,
      specialists: chosen.map((s) => s.identifier),
    }),
  };
}

function labelInput(id, value) {
  return el("input", { type: "text", id, name: "label", "data-champ": "label", maxlength: "120", value: value || "",
    "aria-describedby": `${id}-erreur` });
}

/** "8 h ouvrées", "1 h ouvrée". */
function workingHours(hours) {
  return `${hours} h ouvrée${hours > 1 ? "s" : ""}`;
}

/**
 * One target as an administrator reads it: its effective value, and whether it is the subject's own or inherited,
 * naming the ancestor that sets it by its label.
 */
function targetText(what, own, effective, from) {
  if (!effective) return `${what} : aucun objectif`;
  if (own) return `${what} en ${workingHours(effective)}`;
  return `${what} en ${workingHours(effective)} (hérité de « ${from.label} »)`;
}

/** What an empty target field means: the inherited target, or none at the root. */
function inheritedHelp(effective, from) {
  return from ? `Laisser vide pour reprendre l'objectif hérité de « ${from.label} » (${workingHours(effective)}).`
    : "Laisser vide pour n'avoir aucun objectif.";
}

/** A target typed in a field: null when empty, the whole number, or undefined when it is not one. */
function typedHours(text) {
  const value = text.trim();
  if (value === "") return null;
  return /^[0-9]{1,6}$/.test(value) ? Number.parseInt(value, 10) : undefined;
}

/**
 * The form setting or clearing a subject's own service-level targets; `sources` names, for each target, the ancestor
 * whose own target the subject inherits (null when none sets it).
 */
function targetsForm(node, key, sources) {
  const errors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const input = (id, champ, value) => el("input", { type: "text", id, name: champ, "data-champ": champ,
    inputmode: "numeric", maxlength: "6", autocomplete: "off", value: value ? String(value) : "",
    "aria-describedby": `${id}-erreur` });
  const first = `${key}-objectif-reponse`;
  const resolution = `${key}-objectif-resolution`;
  const form = el("form", { novalidate: true, "aria-label": `Objectifs de service de ${node.display}` }, errors,
    el("p", { class: "aide" }, "Un objectif s'applique aux demandes déposées ensuite : les échéances des demandes "
      + "en cours ne changent pas."),
    field(first, "Première réponse, en heures ouvrées", input(first, "firstAnswerHours", node.firstAnswerHours),
      inheritedHelp(sources.firstAnswer && sources.firstAnswer.firstAnswerHours, sources.firstAnswer)),
    field(resolution, "Résolution, en heures ouvrées", input(resolution, "resolutionHours", node.resolutionHours),
      inheritedHelp(sources.resolution && sources.resolution.resolutionHours, sources.resolution)),
    el("div", { class: "actions" }, el("button", { class: "bouton", type: "submit" }, "Enregistrer les objectifs")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const changes = {
      firstAnswerHours: typedHours(form.firstAnswerHours.value),
      resolutionHours: typedHours(form.resolutionHours.value),
    };
    const faults = {};
    for (const [champ, value] of Object.entries(changes)) {
      if (value === undefined) {
        const from = champ === "firstAnswerHours" ? sources.firstAnswer : sources.resolution;
        faults[champ] = from
          ? "Saisissez un nombre entier d'heures ouvrées, ou laissez le champ vide pour reprendre l'objectif hérité."
          : "Saisissez un nombre entier d'heures ouvrées, ou laissez le champ vide pour n'avoir aucun objectif.";
      }
    }
    if (Object.keys(faults).length) {
      showErrors(form, errors, { message: "Les objectifs de service sont à corriger.", fields: faults });
      return;
    }
    change(node, changes, form, errors, `Les objectifs de service de « ${node.display} » ont été enregistrés.`);
  });
  return form;
}

function subjectItem(node, parent, count, sources = { firstAnswer: null, resolution: null }) {
  const key = `sujet-${node.code}`;
  const inherited = parent ? { group: parent.effectiveGroup, routing: parent.effectiveRouting } : null;
  const errors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });

  const edit = el("form", { novalidate: true, "aria-label": `Modifier ${node.display}` });
  const editFields = subjectFields(key, {
    group: node.group && node.group.code, routing: node.routing, specialists: node.specialists,
  }, inherited);
  edit.append(field(`${key}-libelle`, "Libellé", labelInput(`${key}-libelle`, node.label)),
    ...editFields.nodes,
    el("div", { class: "actions" }, el("button", { class: "bouton", type: "submit" }, "Enregistrer")));
  edit.addEventListener("submit", (event) => {
    event.preventDefault();
    change(node, { label: edit.label.value, ...editFields.values() }, edit, errors,
      `Le sujet « ${node.display} » a été modifié.`);
  });

  const childErrors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const child = el("form", { novalidate: true, "aria-label": `Ajouter un sous-sujet à ${node.display}` });
  const childFields = subjectFields(`${key}-nouveau`, { specialists: [] },
    { group: node.effectiveGroup, routing: node.effectiveRouting });
  child.append(childErrors,
    field(`${key}-nouveau-numero`, "Numéro",
      el("input", { type: "text", id: `${key}-nouveau-numero`, name: "number", "data-champ": "code",
        inputmode: "numeric", maxlength: "4", "aria-describedby": `${key}-nouveau-numero-erreur` }),
      `Facultatif : sans numéro, le suivant après le plus grand des sous-sujets de « ${node.display} ».`),
    field(`${key}-nouveau-libelle`, "Libellé", labelInput(`${key}-nouveau-libelle`)),
    ...childFields.nodes,
    el("div", { class: "actions" }, el("button", { class: "bouton", type: "submit" }, "Ajouter le sous-sujet")));
  child.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(child, childErrors);
    const number = child.number.value.trim();
    const label = child.label.value;
    try {
      const created = (await api.createSubject({
        parent: node.code, code: number ? `${node.code}.${number}` : undefined, label, ...childFields.values(),
      })).data;
      await load(`Le sujet « ${created.display} » a été ajouté.`);
    } catch (error) {
      showErrors(child, childErrors, error);
    }
  });

  const state = !node.active ? el("span", { class: "etiquette" }, "désactivé")
    : !node.offered ? el("span", { class: "etiquette" }, "non proposé : un sujet parent est désactivé") : null;
  const own = (value) => (value ? "" : " (hérité)");
  return el("li", { id: key },
    el("div", { class: "noeud" },
      el("p", { class: "titre-element" }, el("strong", {}, node.display), " ", state),
      errors,
      el("p", { class: "details-sujet" },
        `Groupe : ${node.effectiveGroup.label}${own(node.group)} · `
        + `Acheminement : ${ROUTINGS[node.effectiveRouting]}${own(node.routing)} · Spécialistes : `
        + (node.specialists.length ? node.specialists.map((s) => s.displayName).join(", ") : "aucun")),
      el("p", { class: "details-sujet", id: `${key}-objectifs` }, "Objectifs de service : ",
        targetText("première réponse", node.firstAnswerHours, node.effectiveFirstAnswerHours, sources.firstAnswer),
        " · ",
        targetText("résolution", node.resolutionHours, node.effectiveResolutionHours, sources.resolution)),
      el("div", { class: "actions" },
        el("button", {
          class: "bouton secondaire", type: "button", disabled: node.position <= 1,
          "aria-label": `Monter ${node.display}`,
          onclick: () => change(node, { position: node.position - 1 }, edit, errors,
            `Le sujet « ${node.display} » a été monté.`),
        }, "Monter"),
        el("button", {
          class: "bouton secondaire", type: "button", disabled: node.position >= count,
          "aria-label": `Descendre ${node.display}`,
          onclick: () => change(node, { position: node.position + 1 }, edit, errors,
            `Le sujet « ${node.display} » a été descendu.`),
        }, "Descendre"),
        el("button", {
          class: "bouton secondaire", type: "button",
          "aria-label": `${node.active ? "Désactiver" : "Activer"} ${node.display}`,
          onclick: () => change(node, { active: !node.active }, edit, errors,
            `Le sujet « ${node.display} » a été ${node.active ? "désactivé" : "activé"}.`),
        }, node.active ? "Désactiver" : "Activer")),
      el("details", {}, el("summary", {}, "Modifier", el("span", { class: "visuellement-cache" }, ` ${node.display}`)),
        edit),
      el("details", {}, el("summary", {}, "Ajouter un sous-sujet",
        el("span", { class: "visuellement-cache" }, ` à ${node.display}`)), child),
      el("details", {}, el("summary", {}, "Objectifs de service",
        el("span", { class: "visuellement-cache" }, ` de ${node.display}`)), targetsForm(node, key, sources))),
    node.children.length
      ? el("ul", {}, node.children.map((c) => subjectItem(c, node, node.children.length, {
        firstAnswer: node.firstAnswerHours ? node : sources.firstAnswer,
        resolution: node.resolutionHours ? node : sources.resolution,
      }))) : null);
}

async function change(node, changes, form, errors, done) {
  clearErrors(form, errors);
  try {
    await api.changeSubject(node.code, changes, node.etag);
    await load(done);
  } catch (error) {
    showErrors(form, errors, error);
  }
}

function typeItem(type, count) {
  const key = `type-${type.code}`;
  const errors = el("div", { class: "alerte erreur", role: "alert", tabindex: "-1" });
  const form = el("form", { novalidate: true, "aria-label": `Renommer ${type.label}` }, errors,
    field(`${key}-libelle`, "Libellé", el("div", { class: "actions" }, labelInput(`${key}-libelle`, type.label),
      el("button", { class: "bouton secondaire", type: "submit" }, "Renommer"))));
  const changeType = async (changes, done) => {
    clearErrors(form, errors);
    try {
      await api.changeRequestType(type.code, changes, type.etag);
      await load(done);
    } catch (error) {
      showErrors(form, errors, error);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    changeType({ label: form.label.value }, `Le type « ${type.label} » s'appelle désormais « ${form.label.value} ».`);
  });
  return el("li", { id: key },
    el("p", { class: "titre-element" }, el("strong", {}, type.label), " ",
      type.active ? null : el("span", { class: "etiquette" }, "désactivé")),
    el("div", { class: "actions" },
      el("button", {
        class: "bouton secondaire", type: "button", disabled: type.position <= 1, "aria-label": `Monter ${type.label}`,
        onclick: () => changeType({ position: type.position - 1 }, `Le type « ${type.label} » a été monté.`),
      }, "Monter"),
      el("button", {
        class: "bouton secondaire", type: "button", disabled: type.position >= count,
        "aria-label": `Descendre ${type.label}`,
        onclick: () => changeType({ position: type.position + 1 }, `Le type « ${type.label} » a été descendu.`),
      }, "Descendre"),
      el("button", {
        class: "bouton secondaire", type: "button", "aria-label": `${type.active ? "Désactiver" : "Activer"} ${type.label}`,
        onclick: () => changeType({ active: !type.active },
          `Le type « ${type.label} » a été ${type.active ? "désactivé" : "activé"}.`),
      }, type.active ? "Désactiver" : "Activer")),
    form);
}

async function load(message) {
  success.textContent = "";
  summary.replaceChildren();
  try {
    const [subjects, requestTypes, groupList] = await Promise.all([api.adminSubjects(), api.adminRequestTypes(),
      api.adminGroups()]);
    groups = groupList.data;
    tree.replaceChildren(...subjects.data.map((s) => subjectItem(s, null, subjects.data.length)));
    types.replaceChildren(...requestTypes.data.map((t) => typeItem(t, requestTypes.data.length)));
    if (message) {
      success.textContent = message;
      success.focus();
    }
  } catch (error) {
    showErrors(addType, summary, error);
  }
}

addType.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(addType, addTypeErrors);
  const label = addType.label.value;
  try {
    await api.createRequestType(addType.code.value.trim(), label);
    addType.reset();
    await load(`Le type de demande « ${label} » a été ajouté.`);
  } catch (error) {
    showErrors(addType, addTypeErrors, error);
  }
});

await adminFrame("admin");
await load();
