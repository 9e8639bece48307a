// Staff: which mails the helpdesk sends them (each one, a daily digest at a chosen hour, or none) and when.
import { api } from "./api.js";
import { frame, el, isStaff, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("preferences");
const success = document.getElementById("message-succes");
const summary = document.getElementById("resume-erreurs");
const hour = document.getElementById("heure");
const zone = document.getElementById("fuseau");

function show(chosen) {
  form.querySelector(`input[name="newInGroups"][value="${CSS.escape(chosen.newInGroups)}"]`).checked = true;
  form.querySelector(`input[name="assignedToMe"][value="${CSS.escape(chosen.assignedToMe)}"]`).checked = true;
  hour.value = String(chosen.digestHour);
  zone.textContent = chosen.timeZone === "Europe/Paris" ? "heure de Paris" : `heure du fuseau ${chosen.timeZone}`;
}

function checked(name) {
  const input = form.querySelector(`input[name="${name}"]:checked`);
  return input ? input.value : null;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  success.textContent = "";
  clearErrors(form, summary);
  try {
    show((await api.chooseNotifications({
      newInGroups: checked("newInGroups"),
      assignedToMe: checked("assignedToMe"),
      digestHour: Number.parseInt(hour.value, 10),
    })).data);
    success.textContent = "Vos choix de notifications sont enregistrés.";
    success.focus();
  } catch (error) {
    showErrors(form, summary, error);
  }
});

const person = await frame("notifications");
if (!isStaff(person)) {
  window.location.replace("/");
} else {
  hour.replaceChildren(...Array.from({ length: 24 }, (_, h) => el("option", { value: String(h) }, `${h} h`)));
  try {
    show((await api.myNotifications()).data);
  } catch (error) {
    showErrors(form, summary, error);
  }
}
