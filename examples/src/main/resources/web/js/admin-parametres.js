// Administration: the settings that change at run time, saved with If-Match; read-only ones shown disabled.
import { api } from "./api.js";
import { adminFrame, clearErrors, el, showErrors } from "./layout.js";

const form = document.getElementById("parametres");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");

/** The number settings, with what to say when the field holds no whole number. */
const NUMBERS = {
  reopenWindowDays: "Indiquez le délai de réouverture : un nombre entier de jours, de 1 à 365.",
  autoCloseWaitingDays: "Indiquez le délai de clôture automatique : un nombre entier de jours, de 1 à 365.",
  retentionSchoolYears: "Indiquez la durée de conservation : un nombre entier d'années scolaires, de 1 à 10.",
};

/** The ETag of the settings shown, sent back as If-Match. */
let etag = null;

function render(settings, response) {
  etag = response.headers.get("ETag");
  for (const [name, setting] of Object.entries(settings)) {
    const input = form.elements.namedItem(name);
    if (!input) continue;
    input.value = Array.isArray(setting.value) ? setting.value.join("\n") : String(setting.value);
    input.disabled = setting.readOnly;
    input.closest(".champ").querySelector(".fixe").hidden = !setting.readOnly;
  }
}

/** One domain a line or between commas. */
function domains(text) {
  return text.split(/[\r\n,;]+/).map((d) => d.trim()).filter((d) => d);
}

/** The values of the fields that may change, and the fields whose value is no whole number. */
function read() {
  const changes = {};
  const errors = {};
  for (const [name, message] of Object.entries(NUMBERS)) {
    const input = form.elements.namedItem(name);
    if (input.disabled) continue;
    const value = input.value.trim();
    if (!/^[0-9]{1,9}$/.test(value)) errors[name] = message;
    else changes[name] = Number(value);
  }
  const mailDomains = form.elements.namedItem("mailDomains");
  if (!mailDomains.disabled) changes.mailDomains = domains(mailDomains.value);
  return { changes, errors };
}

async function load() {
  clearErrors(form, summary);
  try {
    const { data, response } = await api.adminSettings();
    render(data, response);
  } catch (error) {
    showErrors(form, summary, error);
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  success.textContent = "";
  clearErrors(form, summary);
  const { changes, errors } = read();
  if (Object.keys(errors).length) {
    showErrors(form, summary, { message: "Des paramètres sont à corriger.", fields: errors });
    return;
  }
  try {
    const { data, response } = await api.changeAdminSettings(changes, etag);
    render(data, response);
    success.textContent = "Les paramètres ont été enregistrés : ils s'appliquent dès maintenant, sur tous les serveurs.";
    success.focus();
  } catch (error) {
    if (error.status === 412) {
      error.message = "Les paramètres ont été modifiés entre-temps par quelqu'un d'autre : rechargez-les pour voir "
        + "leurs valeurs actuelles avant de recommencer.";
      showErrors(form, summary, error);
      summary.append(el("button", { class: "bouton secondaire", type: "button", onclick: load },
        "Recharger les paramètres"));
    } else {
      showErrors(form, summary, error);
    }
  }
});

await adminFrame("admin");
await load();
