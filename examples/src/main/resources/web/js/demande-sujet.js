import { api } from "./api.js";
import { frame, el, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-sujet");
const summary = document.getElementById("resume-erreurs");

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const subject = form.subject.value;
  if (!subject) {
    showErrors(form, summary, { message: "Choisissez un sujet.", fields: { subject: "Choisissez le sujet de votre demande." } });
    return;
  }
  window.location.assign(`/demande.html?sujet=${encodeURIComponent(subject)}`);
});

await frame("nouvelle");
try {
  const { data } = await api.subjects();
  for (const subject of data) {
    form.subject.append(el("option", { value: subject.code }, subject.display));
  }
} catch (error) {
  showErrors(form, summary, error);
}
