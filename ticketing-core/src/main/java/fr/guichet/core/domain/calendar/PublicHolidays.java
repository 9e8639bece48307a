package fr.guichet.core.domain.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;

/**
 * The French public holidays of a year, computed: 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday,
 * 14 July, 15 August, 1 November, 11 November and 25 December (those of Alsace-Moselle are not counted).
 */
public final class PublicHolidays {

    private PublicHolidays() {
    }

    /** The public holidays of {@code year}: eleven, or ten when Ascension falls on 1 or 8 May. */
    public static Set<LocalDate> of(int year) {
        LocalDate easter = easterSunday(year);
        return Set.copyOf(List.of(LocalDate.of(year, Month.JANUARY, 1), easter.plusDays(1), LocalDate.of(year, Month.MAY, 1),
                LocalDate.of(year, Month.MAY, 8), easter.plusDays(39), easter.plusDays(50),
                LocalDate.of(year, Month.JULY, 14), LocalDate.of(year, Month.AUGUST, 15),
                LocalDate.of(year, Month.NOVEMBER, 1), LocalDate.of(year, Month.NOVEMBER, 11),
                LocalDate.of(year, Month.DECEMBER, 25)));
    }

    /** True when {@code day} is a public holiday. */
    public static boolean contains(LocalDate day) {
        return of(day.getYear()).contains(day);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
