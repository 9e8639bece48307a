import { api } from "./api.js";
import { frame, el, isStaff, showErrors, clearErrors } from "./layout.js";

const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const choice = document.getElementById("choix-groupe");
const groupSelect = document.getElementById("groupe");
const rights = document.getElementById("droits");
const list = document.getElementById("liste");
const form = document.getElementById("edition");
const formTitle = document.getElementById("titre-edition");
const formErrors = document.getElementById("edition-erreurs");
const save = document.getElementById("enregistrer");
const cancel = document.getElementById("annuler");

let person;
let groups = [];
/** The answer being changed, or null while the form adds one. */
let editing = null;

function group() {
  return groups.find((g) => g.code === groupSelect.value);
}

/** The group's staff and administrators keep its answers; other staff read them. */
function mayManage() {
  return person.roles.includes("ADMIN") || person.groups.includes(groupSelect.value);
}

function startAdding() {
  editing = null;
  form.reset();
  formTitle.textContent = `Ajouter une réponse type (${group().label})`;
  save.textContent = "Ajouter la réponse type";
  cancel.hidden = true;
  clearErrors(form, formErrors);
}

function startEditing(answer) {
  editing = answer;
  form.title.value = answer.title;
  form.body.value = answer.body;
  formTitle.textContent = `Modifier « ${answer.title} »`;
  save.textContent = "Enregistrer la modification";
  cancel.hidden = false;
  clearErrors(form, formErrors);
  formTitle.focus();
}

/** Removing asks once more, in the line itself. */
function askRemoval(item, answer) {
  const question = el("div", { class: "confirmation", role: "group", "aria-label": `Supprimer « ${answer.title} »` },
    el("p", {}, `Supprimer la réponse type « ${answer.title} » ? Elle ne sera plus proposée dans les réponses.`),
    el("div", { class: "actions" },
      el("button", { class: "bouton", type: "button", onclick: () => remove(answer) }, "Confirmer la suppression"),
      el("button", {
        class: "bouton secondaire", type: "button",
        onclick: () => { question.remove(); item.querySelector(".actions").hidden = false; },
      }, "Ne pas supprimer")));
  item.querySelector(".actions").hidden = true;
  item.append(question);
  question.querySelector("button").focus();
}

async function remove(answer) {
  try {
    await api.removeCannedAnswer(answer.id, answer.version);
    if (editing && editing.id === answer.id) startAdding();
    await load(`La réponse type « ${answer.title} » a été supprimée.`);
  } catch (error) {
    await failed(error);
  }
}

async function failed(error) {
  if (error.status === 412 || error.status === 404) {
    error.message = "Cette réponse type a été modifiée ou supprimée entre-temps : la liste a été rechargée.";
    await load();
  }
  showErrors(form, summary, error);
}

function render(answers) {
  const manage = mayManage();
  rights.textContent = manage ? "" : "Seuls les membres de ce groupe et les administrateurs peuvent modifier ses "
    + "réponses types.";
  form.hidden = !manage;
  list.replaceChildren(...answers.map((answer) => {
    const item = el("li", {}, el("h3", {}, answer.title), el("p", { class: "corps" }, answer.body));
    if (manage) {
      item.append(el("div", { class: "actions" },
        el("button", {
          class: "bouton secondaire", type: "button", "aria-label": `Modifier « ${answer.title} »`,
          onclick: () => startEditing(answer),
        }, "Modifier"),
        el("button", {
          class: "bouton secondaire", type: "button", "aria-label": `Supprimer « ${answer.title} »`,
          onclick: () => askRemoval(item, answer),
        }, "Supprimer")));
    }
    return item;
  }));
  if (!answers.length) list.append(el("li", {}, "Ce groupe n'a pas encore de réponse type."));
}

async function load(message) {
  success.textContent = "";
  summary.replaceChildren();
  const wanted = new URL(window.location.href);
  wanted.searchParams.set("groupe", groupSelect.value);
  window.history.replaceState(null, "", wanted);
  try {
    render((await api.cannedAnswers(groupSelect.value)).data);
    if (message) {
      success.textContent = message;
      success.focus();
    }
  } catch (error) {
    list.replaceChildren();
    showErrors(form, summary, error);
  }
}

choice.addEventListener("submit", async (event) => {
  event.preventDefault();
  startAdding();
  await load();
});

cancel.addEventListener("click", () => {
  startAdding();
  form.title.focus();
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, formErrors);
  const title = form.title.value;
  try {
    if (editing) {
      await api.changeCannedAnswer(editing.id, title, form.body.value, editing.version);
    } else {
      await api.addCannedAnswer(groupSelect.value, title, form.body.value);
    }
    const done = editing ? `La réponse type « ${title} » a été modifiée.` : `La réponse type « ${title} » a été ajoutée.`;
    startAdding();
    await load(done);
  } catch (error) {
    if (error.status === 412 || error.status === 404) {
      await failed(error);
    } else {
      showErrors(form, formErrors, error);
    }
  }
});

person = await frame("reponses-types");
if (!isStaff(person)) {
  document.querySelector("main").replaceChildren(el("h1", {}, "Réponses types"),
    el("p", {}, "Cette page est réservée à l'équipe d'assistance."));
} else {
  try {
    groups = (await api.groups()).data;
  } catch (error) {
    groups = [];
  }
  const own = groups.filter((g) => person.groups.includes(g.code));
  const asked = new URLSearchParams(window.location.search).get("groupe");
  groupSelect.replaceChildren(...groups.map((g) => el("option", { value: g.code }, g.label)));
  groupSelect.value = groups.some((g) => g.code === asked) ? asked : (own[0] || groups[0] || {}).code || "";
  if (groups.length) {
    startAdding();
    await load();
  }
}
