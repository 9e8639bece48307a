// Staff and administrators: the académie's figures for a period, as charts drawn here in SVG and as a table.
import { ApiError } from "./api.js";
import { clearErrors, el, frame, isStaff, schoolYearStart, showErrors } from "./layout.js";

const SVG = "http://www.w3.org/2000/svg";
const TOP = 10;
const GROUPINGS = {
  month: "Mois", subject: "Sujet", establishment: "Établissement", department: "Département",
  group: "Groupe de support",
};

const form = document.getElementById("choix");
const summary = document.getElementById("resume-erreurs");
const period = document.getElementById("periode");
const exportLink = document.getElementById("exporter");

/** The current school year, from 1 September to 31 August, as yyyy-MM-dd. */
function schoolYear() {
  const start = schoolYearStart();
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/** What the URL asks for, the current school year by month when it asks for nothing. */
function wanted() {
  const query = new URLSearchParams(window.location.search);
  const year = schoolYear();
  return {
    from: query.get("from") || year.from,
    to: query.get("to") || year.to,
    by: GROUPINGS[query.get("by")] ? query.get("by") : "month",
    subject: query.get("subject") || "",
  };
}

function queryOf(choice, by = choice.by) {
  const query = new URLSearchParams([["from", choice.from], ["to", choice.to], ["by", by]]);
  if (choice.subject) query.set("subject", choice.subject);
  return query;
}

async function figures(query) {
  const response = await fetch(`/api/v1/stats?${query}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** A hatching, so that bars read without colour: diagonal lines on a light ground, outlined. */
function hatching(id) {
  return svg("defs", {}, svg("pattern", { id, width: 8, height: 8, patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(45)" },
  svg("rect", { width: 8, height: 8, fill: "#e3e3fd" }),
  svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: "#000091", "stroke-width": 3 })));
}

/** Vertical bars, one per month, each with its number above it and its month below. */
function monthChart(rows, titleId) {
  const width = 760;
  const height = 300;
  const top = 24;
  const bottom = 70;
  const max = Math.max(1, ...rows.map((r) => r.filed));
  const step = rows.length ? (width - 40) / rows.length : width;
  const bar = Math.max(6, step * 0.6);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId,
    class: "graphique-svg" }, hatching("hachures-mois"));
  chart.append(svg("line", { x1: 20, y1: height - bottom, x2: width - 10, y2: height - bottom, stroke: "#161616" }));
  rows.forEach((row, i) => {
    const h = ((height - top - bottom) * row.filed) / max;
    const x = 20 + i * step + (step - bar) / 2;
    const y = height - bottom - h;
    chart.append(svg("rect", { x, y, width: bar, height: h, fill: "url(#hachures-mois)", stroke: "#000091" }));
    chart.append(svg("text", { x: x + bar / 2, y: y - 6, "text-anchor": "middle", "font-size": 13 }, row.filed));
    chart.append(svg("text", { x: x + bar / 2, y: height - bottom + 16, "text-anchor": "end", "font-size": 12,
      transform: `rotate(-40 ${x + bar / 2} ${height - bottom + 16})` }, row.label));
  });
  return chart;
}

/** Horizontal bars for the most filed keys, each named on its left and numbered at its end. */
function topChart(rows, titleId) {
  const shown = rows.slice(0, TOP);
  const label = 260;
  const width = 760;
  const line = 30;
  const height = Math.max(1, shown.length) * line + 10;
  const max = Math.max(1, ...shown.map((r) => r.filed));
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": titleId,
    class: "graphique-svg" }, hatching("hachures-sujets"));
  shown.forEach((row, i) => {
    const y = 5 + i * line;
    const w = ((width - label - 60) * row.filed) / max;
    const name = row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label;
    chart.append(svg("text", { x: label - 8, y: y + 18, "text-anchor": "end", "font-size": 13 }, name));
    chart.append(svg("rect", { x: label, y, width: w, height: line - 8, fill: "url(#hachures-sujets)",
      stroke: "#000091" }));
    chart.append(svg("text", { x: label + w + 6, y: y + 18, "font-size": 13 }, row.filed));
  });
  return chart;
}

/**
 * The numbers a chart draws, as a table folded under it: its text alternative, whatever the table below the charts
 * groups by.
 */
function numbers(rows, heading, title) {
  return el("details", {}, el("summary", {}, `Les chiffres du graphique « ${title} »`),
    el("table", { class: "chiffres" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, heading), el("th", { scope: "col" }, "Déposées"))),
      el("tbody", {}, rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r.label), el("td", {}, r.filed))))));
}

function drawFigure(figure, id, title, chart, rows, heading) {
  const titleId = `titre-${id}`;
  figure.replaceChildren(el("figcaption", { id: titleId }, title), ...(rows.length === 0
    ? [el("p", {}, "Aucune demande sur cette période.")] : [chart(titleId), numbers(rows, heading, title)]));
}

function hours(value) {
  return value === null || value === undefined ? "—" : `${value.toLocaleString("fr-FR")} h`;
}

function table(data) {
  const head = [GROUPINGS[data.by], "Déposées", "Résolues", "En cours", "Délai médian de première réponse",
    "Délai médian de résolution", "Réponses à l'enquête", "Satisfaction moyenne (sur 5)", "Hors délai"];
  const rows = data.rows.map((r) => el("tr", {},
    el("th", { scope: "row" }, r.label), el("td", {}, r.filed), el("td", {}, r.resolved), el("td", {}, r.open),
    el("td", {}, hours(r.medianFirstAnswerHours)), el("td", {}, hours(r.medianResolutionHours)),
    el("td", {}, r.satisfaction.answers),
    el("td", {}, r.satisfaction.average === null ? "—" : r.satisfaction.average.toLocaleString("fr-FR")),
    el("td", {}, r.breaches)));
  return el("table", { class: "chiffres" },
    el("caption", {}, `Demandes par ${GROUPINGS[data.by].toLowerCase()}`
      + (data.truncated ? " (les plus nombreuses seulement)" : "")),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.length ? rows : el("tr", {}, el("td", { colspan: head.length },
      "Aucune demande sur cette période."))));
}

function dayFr(iso) {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

async function fillSubjects(select, chosen) {
  const response = await fetch("/api/v1/subjects", { headers: { Accept: "application/json" } });
  if (!response.ok) return;
  const options = [];
  const walk = (nodes, depth) => nodes.forEach((s) => {
    options.push(el("option", { value: s.code, selected: s.code === chosen }, `${"\u00a0\u00a0".repeat(depth)}${s.label}`));
    walk(s.children, depth + 1);
  });
  walk(await response.json(), 0);
  select.append(...options);
}

async function show() {
  const person = await frame("statistiques");
  if (!isStaff(person)) {
    window.location.replace("/");
    return;
  }
  const choice = wanted();
  form.from.value = choice.from;
  form.to.value = choice.to;
  form.by.value = choice.by;
  await fillSubjects(form.subject, choice.subject);
  exportLink.href = `/api/v1/stats.csv?${queryOf(choice)}`;
  clearErrors(form, summary);
  try {
    const [data, months, subjects] = await Promise.all([figures(queryOf(choice)),
      figures(queryOf(choice, "month")), figures(queryOf(choice, "subject"))]);
    period.textContent = `Demandes déposées du ${dayFr(data.from)} au ${dayFr(data.to)}.`;
    drawFigure(document.getElementById("figure-mois"), "mois", "Demandes déposées par mois",
      (id) => monthChart(months.rows, id), months.rows, GROUPINGS.month);
    drawFigure(document.getElementById("figure-sujets"), "sujets", `Les ${TOP} sujets les plus demandés`,
      (id) => topChart(subjects.rows, id), subjects.rows.slice(0, TOP), GROUPINGS.subject);
    document.getElementById("tableau").replaceChildren(table(data));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    showErrors(form, summary, e);
  }
}

show();
