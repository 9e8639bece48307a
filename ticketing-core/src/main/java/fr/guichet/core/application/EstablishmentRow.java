package fr.guichet.core.application;

/**
 * One line of the national directory's export to import: its number as a spreadsheet numbers it (the header is 1) and
 * its UAI, name, kind, commune and département cells as typed (null when absent).
 */
public record EstablishmentRow(int number, String uai, String name, String kind, String commune, String department) {
}
