package fr.guichet.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.guichet.core.domain.DomainError;
import fr.guichet.core.domain.TicketingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The facade's JSON: one strict mapper (unknown fields, duplicate keys, trailing tokens, nulls for primitives and
 * coerced scalars are refused; dates as ISO-8601 text with their offset) and bounded body reading.
 */
final class Json {

    static final String MEDIA_TYPE = "application/json";

    private Json() {
    }

    static ObjectMapper newMapper() {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    /** Reads at most {@code limit} bytes of {@code in} as a {@code type}; TOO_LARGE past the limit, INVALID if malformed. */
    static <T> T read(ObjectMapper mapper, InputStream in, long limit, Class<T> type) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > limit) {
            throw Problems.tooLarge(limit);
        }
        if (bytes.length == 0) {
            throw DomainError.invalid("body", "body.missing", "Le corps de la requête est vide.").exception();
        }
        T value;
        try {
            value = mapper.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw DomainError.invalid(e.getPropertyName(), "body.field.unknown",
                    "Ce champ n'existe pas ou ne peut pas être fixé par le client.").exception();
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw DomainError.invalid(field.isEmpty() ? "body" : field, "body.field.type",
                    field.isEmpty() ? "Le corps de la requête doit être un objet JSON."
                            : "Ce champ n'a pas le bon type.").exception();
        } catch (JacksonException | CharConversionException e) {
            throw malformed();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw DomainError.invalid("body", "body.field.type", "Le corps de la requête doit être un objet JSON.")
                    .exception();
        }
        return value;
    }

    private static TicketingException malformed() {
        return DomainError.invalid("body", "body.malformed", "Le corps de la requête n'est pas du JSON valide.")
                .exception();
    }

    /** Refuses a body whose declared media type is not JSON. */
    static void requireJson(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).strip().startsWith(MEDIA_TYPE)) {
            throw unsupportedMediaType();
        }
    }

    static TicketingException unsupportedMediaType() {
        return new DomainError(fr.guichet.core.domain.ErrorKind.UNSUPPORTED_MEDIA_TYPE, "body.media_type", "body",
                "Le corps de la requête doit être au format JSON (application/json).").exception();
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
