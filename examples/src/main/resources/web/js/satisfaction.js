import { api } from "./api.js";
import { el, frame, showErrors, clearErrors } from "./layout.js";

const form = document.getElementById("formulaire-avis");
const summary = document.getElementById("resume-erreurs");
const success = document.getElementById("message-succes");

// The link is /satisfaction/<token>: the token is the last segment of the address.
const token = decodeURIComponent(window.location.pathname.split("/").pop() || "");

function done(message) {
  form.hidden = true;
  document.getElementById("presentation").hidden = true;
  success.replaceChildren(el("p", {}, message));
  success.focus();
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const chosen = form.querySelector("input[name=score]:checked");
  if (!chosen) {
    showErrors(form, summary, { message: "Le formulaire contient des erreurs.",
      fields: { score: "Choisissez une note de 1 à 5." } });
    return;
  }
  const comment = form.comment.value.trim();
  const button = document.getElementById("envoyer");
  button.disabled = true;
  try {
    await api.answerSatisfaction(token, Number(chosen.value), comment === "" ? null : comment);
    done("Merci ! Votre avis a bien été enregistré : il nous aide à améliorer l'assistance.");
  } catch (error) {
    if (error.status === 409) {
      done("Vous avez déjà donné votre avis sur cette demande : merci !");
    } else if (error.status === 404) {
      form.hidden = true;
      showErrors(form, summary, error);
    } else {
      showErrors(form, summary, error);
    }
  } finally {
    button.disabled = false;
  }
});

frame("satisfaction", { requireSession: false });
