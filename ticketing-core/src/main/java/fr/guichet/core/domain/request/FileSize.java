package fr.guichet.core.domain.request;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A file size as French readers write it: "12 Kio" under one mebibyte (at least 1 Kio), else "1,5 Mio" or "10 Mio". */
public final class FileSize {

    private static final long KIB = 1024L;
    private static final long MIB = KIB * KIB;

    private FileSize() {
    }

    public static String french(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("size < 0");
        }
        long kibibytes = (bytes + KIB - 1) / KIB;
        if (kibibytes < KIB) {
            return Math.max(1, kibibytes) + " Kio";
        }
        BigDecimal mebibytes = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MIB), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return mebibytes.toPlainString().replace('.', ',') + " Mio";
    }
}
