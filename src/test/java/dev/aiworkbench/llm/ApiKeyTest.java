package dev.aiworkbench.llm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key shows its last four characters to every printer and JSON writer, and only reveal() gives it whole. */
class ApiKeyTest {
    private static final String PLANTED = "sk-proj-planted-0123456789-abcd";

    @Test
    void textAndJsonShowTheLastFourCharactersOnly() throws Exception {
        ApiKey key = ApiKey.of("  " + PLANTED + "\n");
        ObjectMapper everyField = new ObjectMapper().setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

        assertThat(key.reveal()).isEqualTo(PLANTED);
        assertThat(key.toString()).isEqualTo("…abcd");
        assertThat(String.valueOf(List.of(key))).doesNotContain("0123");
        assertThat(new ObjectMapper().writeValueAsString(Map.of("key", key))).isEqualTo("{\"key\":\"…abcd\"}");
        assertThat(everyField.writeValueAsString(key)).isEqualTo("\"…abcd\"");
        assertThat(ApiKey.of("abc").masked()).isEqualTo("…abc");
    }

    @Test
    void blankKeysAndKeysWithLineBreaksAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> ApiKey.of("  ")).hasMessage("the key is empty; paste the whole key");
        assertThatThrownBy(() -> ApiKey.of("sk-one\nsk-two")).hasMessageNotContaining("sk-");
    }

    @Test
    void aKeySupplierLooksTheKeyUpOnceAndNamesOnlyItsSource() {
        AtomicInteger lookups = new AtomicInteger();
        KeySupplier supplier = new KeySupplier(() -> {
            lookups.incrementAndGet();
            return Optional.of(ApiKey.of(PLANTED));
        }, "the keychain");

        assertThat(lookups).hasValue(0);
        assertThat(supplier.get()).isEqualTo(PLANTED);
        assertThat(supplier.get()).isEqualTo(PLANTED);
        assertThat(lookups).hasValue(1);
        assertThat(supplier.toString()).isEqualTo("key from the keychain");
        assertThat(KeySupplier.NONE.get()).isNull();
    }

    @Test
    void kindsReadTheirEcosystemsVariablesAndAddresses() {
        assertThat(ProviderKind.of("OpenAI")).contains(ProviderKind.OPENAI);
        assertThat(ProviderKind.OPENAI.keyVariable()).contains("OPENAI_API_KEY");
        assertThat(ProviderKind.ANTHROPIC.baseUrlVariable()).isEqualTo("ANTHROPIC_BASE_URL");
        assertThat(ProviderKind.OLLAMA.takesKey()).isFalse();
        assertThat(ProviderKind.OPENAI.parseBaseUrl("http://127.0.0.1:8000/v1/").toString())
                .isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(ProviderKind.OLLAMA.parseBaseUrl(":11500").toString()).isEqualTo("http://127.0.0.1:11500");
        assertThatThrownBy(() -> ProviderKind.ANTHROPIC.parseBaseUrl("https://user:pw@host"))
                .hasMessageContaining("is not a base URL for Anthropic").hasMessageNotContaining("pw");
    }
}
