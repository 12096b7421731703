package org.understudy.succession.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReceiverUrlsTest {
    @ParameterizedTest(name = "{0} (http allowed: {1}): {2}")
    @CsvSource(delimiter = '|', value = {
            // url | plain http allowed | refusal (empty: accepted)
            "https://alerts.example.nhs.uk/understudy        | false | ",
            "HTTPS://alerts.example.nhs.uk:8443/hooks?x=1    | false | ",
            "http://alerts.example.nhs.uk/understudy         | false | must be an https:// URL",
            "http://127.0.0.1:9000/hooks                     | true  | ",
            "ftp://alerts.example.nhs.uk/x                   | true  | must be an http:// or https:// URL",
            "/relative/path                                  | false | must be an https:// URL",
            "https:///no-host                                | false | must name a host",
            "https://user:secret@alerts.example.nhs.uk/x     | false | must not carry credentials (the signature authenticates deliveries)",
            "https://alerts.example.nhs.uk/x#part            | false | must not have a fragment",
            "https://alerts example/x                        | false | is not a URL: Illegal character in authority",
    })
    void onlyReachableHttpsReceivers(String url, boolean allowPlainHttp, String refusal) {
        assertEquals(refusal == null ? "" : refusal, ReceiverUrls.refusal(url, allowPlainHttp).orElse(""));
    }
}
