package dev.aiworkbench.llm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OLLAMA_HOST is read the way the ollama CLI reads it. */
class OllamaEndpointTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                      | http://127.0.0.1:11434",
            "127.0.0.1                 | http://127.0.0.1:11434",
            "127.0.0.1:11434           | http://127.0.0.1:11434",
            ":11434                    | http://127.0.0.1:11434",
            ":8080                     | http://127.0.0.1:8080",
            "0.0.0.0                   | http://127.0.0.1:11434",
            "0.0.0.0:9000              | http://127.0.0.1:9000",
            "example.com               | http://example.com:11434",
            "example.com:1234          | http://example.com:1234",
            "http://example.com        | http://example.com:80",
            "https://example.com       | https://example.com:443",
            "HTTPS://example.com:8443  | https://example.com:8443",
            "http://[::1]:11434        | http://[::1]:11434",
            "[::1]                     | http://[::1]:11434",
            "host:99999                | http://host:11434",
            "host:port                 | http://host:11434",
            "https://example.com:99999 | https://example.com:443",
            "http://example.com/       | http://example.com:80",
            "http://example.com/ollama | http://example.com:80/ollama",
            "\"  gpu-box:11434  \"     | http://gpu-box:11434"
    })
    void parsesTheFormsOllamaAccepts(String value, String expected) {
        assertThat(OllamaEndpoint.parse(value)).isEqualTo(URI.create(expected));
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> OllamaEndpoint.parse("ftp://example.com")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ftp://example.com' is not an Ollama address: use http:// or https://");
    }

    @Test
    void anExplicitUrlWinsOverTheEnvironment() {
        OllamaEndpoint endpoint = OllamaEndpoint.fromEnvironment(Optional.of("gpu-box:8000"));

        assertThat(endpoint).isEqualTo(new OllamaEndpoint(URI.create("http://gpu-box:8000"), "--ollama-url"));
    }
}
