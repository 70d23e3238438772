package dev.sluice.llm.provider;

import dev.sluice.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmSettingsTest {
    @Test
    void absentSection_isAutoWithEveryDefault() {
        LlmSettings s = Settings.yaml("server: { port: 8080 }\n");
        assertThat(s).isEqualTo(LlmSettings.auto());
        assertThat(s.provider()).isEqualTo(ProviderKind.AUTO);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.maxRetries()).isEqualTo(2);
        assertThat(s.maxTokens()).isEqualTo(1024);
        assertThat(s.temperature()).isNull();
        assertThat(s.deadline()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void anthropic_readsEveryKey_andDefaultsTheModel() {
        LlmSettings s = Settings.yaml("""
                llm:
                  provider: anthropic
                  api_key: sk-ant-xyz-123456
                  base_url: https://gateway.example/anthropic/
                  timeout: 45s
                  max_retries: 4
                  max_tokens: 2048
                  temperature: 0.3
                """);
        assertThat(s.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(s.baseUrl()).isEqualTo(URI.create("https://gateway.example/anthropic"));
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.maxRetries()).isEqualTo(4);
        assertThat(s.maxTokens()).isEqualTo(2048);
        assertThat(s.temperature()).isEqualTo(0.3);
        assertThat(s.toString()).doesNotContain("sk-ant-xyz-123456").contains("apiKey=(redacted)");
    }

    @Test
    void bedrock_defaultsModel_andRedactsCredentials() {
        LlmSettings s = Settings.yaml("llm: { provider: bedrock, region: us-west-2, access_key_id: AKIAXXXXXXXX, secret_access_key: s3cr3tValue }\n");
        assertThat(s.model()).isEqualTo("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(s.region()).isEqualTo("us-west-2");
        assertThat(s.toString()).doesNotContain("s3cr3tValue").doesNotContain("AKIAXXXXXXXX");
    }

    @Test
    void bedrockApi_defaultsToConverse_andReadsInvokeModel() {
        assertThat(Settings.yaml("llm: { provider: bedrock, region: us-east-1 }\n").bedrockApi()).isEqualTo(BedrockApi.CONVERSE);
        assertThat(LlmSettings.auto().bedrockApi()).isEqualTo(BedrockApi.CONVERSE);
        LlmSettings s = Settings.yaml("llm:\n  provider: bedrock\n  region: us-east-1\n  bedrock_api: invoke_model\n");
        assertThat(s.bedrockApi()).isEqualTo(BedrockApi.INVOKE_MODEL);
        assertThat(s.toString()).contains("bedrockApi=invoke_model");
        assertThat(Settings.yaml("llm: { provider: bedrock, region: us-east-1, bedrock_api: ' converse ' }\n").bedrockApi())
                .isEqualTo(BedrockApi.CONVERSE);
    }

    @Test
    void bedrockApi_badValue_failsWithFileLineKeyAndTheChoices() {
        assertThatThrownBy(() -> Settings.yaml("llm:\n  provider: bedrock\n  region: us-east-1\n  bedrock_api: invoke\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("l.yaml:4: llm.bedrock_api: unknown Bedrock API 'invoke'; use converse or invoke_model");
        assertThatThrownBy(() -> Settings.yaml("llm:\n  provider: bedrock\n  bedrock_api: [converse]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("l.yaml:3: llm.bedrock_api: must be a string");
        assertThatThrownBy(() -> Settings.yaml("llm:\n  provider: anthropic\n  api_key: k\n  bedrock_api: invoke_model\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("l.yaml:4: llm.bedrock_api: does not apply to provider anthropic (only to bedrock); remove it");
    }

    @Test
    void unknownKey_failsWithFileLineAndKey() {
        assertThatThrownBy(() -> Settings.yaml("llm:\n  provider: openai\n  base_url: http://localhost:11434/v1\n  modle: llama3\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("l.yaml:4: llm.modle: unknown key");
    }

    @Test
    void keyForAnotherProvider_isRefusedWithWhereItApplies() {
        assertThatThrownBy(() -> Settings.yaml("llm:\n  provider: anthropic\n  api_key: k\n  region: us-east-1\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("l.yaml:4: llm.region: does not apply to provider anthropic (only to bedrock); remove it");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: sampling, api_key: k }\n"))
                .hasMessageContaining("llm.api_key: does not apply to provider sampling (only to anthropic, openai)");
    }

    @Test
    void badValues_sayWhatIsExpected() {
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: gemini }\n"))
                .hasMessageContaining("llm.provider: unknown provider 'gemini'; use one of anthropic, openai, bedrock, sampling, none, auto");
        assertThatThrownBy(() -> Settings.yaml("llm: { model: x }\n")).hasMessageContaining("llm.provider: missing");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: anthropic }\n"))
                .hasMessageContaining("llm.api_key: required for provider anthropic");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: openai }\n"))
                .hasMessageContaining("llm.api_key: required for api.openai.com");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: openai, base_url: 'localhost:8080' }\n"))
                .hasMessageContaining("llm.base_url: must be an http:// or https:// URL");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: sampling, temperature: hot }\n"))
                .hasMessageContaining("llm.temperature: must be a number between 0 and 2, got 'hot'");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: openai, base_url: 'http://h/v1', max_retries: 11 }\n"))
                .hasMessageContaining("llm.max_retries: must be between 0 and 10, got 11");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: bedrock, access_key_id: AKIA1 }\n"))
                .hasMessageContaining("llm.access_key_id: access_key_id and secret_access_key go together");
        assertThatThrownBy(() -> Settings.yaml("llm: { provider: bedrock, region: Mars }\n"))
                .hasMessageContaining("llm.region: must be an AWS region such as us-east-1");
    }

    @Test
    void openAiCompatibleLocalServer_needsNoKey() {
        LlmSettings s = Settings.yaml("llm: { provider: openai, base_url: 'http://localhost:11434/v1', model: qwen2.5-coder }\n");
        assertThat(s.apiKey()).isNull();
        assertThat(s.model()).isEqualTo("qwen2.5-coder");
    }

    @Test
    void apiKeyFromEnvironment_isSubstitutedAndNeverShown() {
        LlmSettings s = LlmSettings.read(dev.sluice.core.config.ConfigLoader.parse("l.yaml",
                "llm: { provider: openai, api_key: '${LLM_API_KEY}' }\n", java.util.Map.of("LLM_API_KEY", "sk-from-env-000111")).llm());
        assertThat(s.apiKey()).isEqualTo("sk-from-env-000111");
        assertThat(s.toString()).doesNotContain("sk-from-env-000111");
    }
}
