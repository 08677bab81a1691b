using System.Text;
using Folio.Features.Federation.Signatures;

namespace Folio.Tests.Unit;

/// <summary>The published examples: draft-cavage-http-signatures-12 Appendix C and RFC 9421 Appendix B.2.</summary>
public sealed class HttpSignatureVectorTests
{
    private const string CavageTestKey = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
        6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
        Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
        oYi+1hqp1fIekaxsyQIDAQAB
        -----END PUBLIC KEY-----
        """;

    private const string RsaPssTestKey = """
        -----BEGIN PUBLIC KEY-----
        MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr4tmm3r20Wd/PbqvP1s2
        +QEtvpuRaV8Yq40gjUR8y2Rjxa6dpG2GXHbPfvMs8ct+Lh1GH45x28Rw3Ry53mm+
        oAXjyQ86OnDkZ5N8lYbggD4O3w6M6pAvLkhk95AndTrifbIFPNU8PPMO7OyrFAHq
        gDsznjPFmTOtCEcN2Z1FpWgchwuYLPL+Wokqltd11nqqzi+bJ9cvSKADYdUAAN5W
        Utzdpiy6LbTgSxP7ociU4Tn0g5I6aDZJ7A8Lzo0KSyZYoA485mqcO0GVAdVw9lq4
        aOT9v6d+nb4bnNkQVklLQ3fVAvJm+xdDOp9LCNCN48V2pnDOkFV6+U9nV5oyc6XI
        2wIDAQAB
        -----END PUBLIC KEY-----
        """;

    private static readonly byte[] HelloWorld = Encoding.UTF8.GetBytes("""{"hello": "world"}""");

    private static SignedRequest CavageRequest(string signatureHeader, string headerName = "Signature") => SignedRequest.Of(
        "POST", "https://example.com/foo?param=value&pet=dog",
        [
            ("Host", "example.com"), ("Date", "Sun, 05 Jan 2014 21:31:40 GMT"), ("Content-Type", "application/json"),
            ("Digest", "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="), ("Content-Length", "18"), (headerName, signatureHeader),
        ],
        HelloWorld);

    private static SignedRequest Rfc9421Request(string signatureInput, string signature) => SignedRequest.Of(
        "POST", "https://example.com/foo?param=Value&Pet=dog",
        [
            ("Host", "example.com"), ("Date", "Tue, 20 Apr 2021 02:07:55 GMT"), ("Content-Type", "application/json"),
            ("Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"),
            ("Content-Length", "18"), ("Signature-Input", signatureInput), ("Signature", signature),
        ],
        HelloWorld);

    [Theory]
    [InlineData("C.1 default", """keyId="Test",algorithm="rsa-sha256",signature="SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=" """,
        "date: Sun, 05 Jan 2014 21:31:40 GMT")]
    [InlineData("C.2 basic", """keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date", signature="qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=" """,
        "(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT")]
    [InlineData("C.3 all headers", """keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date content-type digest content-length",signature="vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=" """,
        "(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT\ncontent-type: application/json\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-length: 18")]
    public void DraftCavageAppendixCSignaturesVerifyWithTheTestKey(string example, string signatureHeader, string signingString)
    {
        foreach (var request in new[] { CavageRequest(signatureHeader.Trim()), CavageRequest("Signature " + signatureHeader.Trim(), "Authorization") })
        {
            var (signature, problem) = DraftCavageSignature.Read(request);

            Assert.True(signature is not null, $"{example}: {problem}");
            Assert.Equal("Test", signature.KeyId);
            Assert.Equal(signingString, Encoding.UTF8.GetString(signature.SignedBytes));
            Assert.True(signature.IsValidFor(CavageTestKey), example);
            Assert.False(signature.IsValidFor(RsaPssTestKey), example);
        }
    }

    [Fact]
    public void DraftCavageAllHeadersExamplePassesFolioRulesAtItsOwnTimeButNotADayLater()
    {
        var request = CavageRequest("""keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date content-type digest content-length",signature="vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=" """.Trim());
        var signedAt = new DateTimeOffset(2014, 1, 5, 21, 31, 40, TimeSpan.Zero);

        Assert.Null(HttpSignatures.Check(request, signedAt.AddMinutes(59)).Problem);
        Assert.Contains("more than an hour", HttpSignatures.Check(request, signedAt.AddDays(1)).Problem);
    }

    [Fact]
    public void DraftCavageDefaultExampleIsRefusedForCoveringOnlyTheDate()
    {
        var request = CavageRequest("""keyId="Test",algorithm="rsa-sha256",signature="SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=" """.Trim());

        Assert.Contains("(request-target)", HttpSignatures.Check(request, new DateTimeOffset(2014, 1, 5, 21, 31, 40, TimeSpan.Zero)).Problem);
    }

    [Theory]
    [InlineData("sig-b21", """sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd" """,
        "sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:",
        "\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\";nonce=\"b3k2pp5k7z-50gnwp.yemd\"")]
    [InlineData("sig-b22", """sig-b22=("@authority" "content-digest" "@query-param";name="Pet");created=1618884473;keyid="test-key-rsa-pss";tag="header-example" """,
        "sig-b22=:LjbtqUbfmvjj5C5kr1Ugj4PmLYvx9wVjZvD9GsTT4F7GrcQEdJzgI9qHxICagShLRiLMlAJjtq6N4CDfKtjvuJyE5qH7KT8UCMkSowOB4+ECxCmT8rtAmj/0PIXxi0A0nxKyB09RNrCQibbUjsLS/2YyFYXEu4TRJQzRw1rLEuEfY17SARYhpTlaqwZVtR8NV7+4UKkjqpcAoFqWFQh62s7Cl+H2fjBSpqfZUJcsIk4N6wiKYd4je2U/lankenQ99PZfB4jY3I5rSV2DSBVkSFsURIjYErOs0tFTQosMTAoxk//0RoKUqiYY8Bh0aaUEb0rQl3/XaVe4bXTugEjHSw==:",
        "\"@authority\": example.com\n\"content-digest\": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:\n\"@query-param\";name=\"Pet\": dog\n\"@signature-params\": (\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\");created=1618884473;keyid=\"test-key-rsa-pss\";tag=\"header-example\"")]
    [InlineData("sig-b23", """sig-b23=("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss" """,
        "sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:",
        "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n\"@method\": POST\n\"@path\": /foo\n\"@query\": ?param=Value&Pet=dog\n\"@authority\": example.com\n\"content-type\": application/json\n\"content-digest\": sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:\n\"content-length\": 18\n\"@signature-params\": (\"date\" \"@method\" \"@path\" \"@query\" \"@authority\" \"content-type\" \"content-digest\" \"content-length\");created=1618884473;keyid=\"test-key-rsa-pss\"")]
    public void Rfc9421AppendixBSignaturesVerifyWithTheRsaPssTestKey(string label, string signatureInput, string signature, string signatureBase)
    {
        var (read, problem) = Rfc9421Signature.Read(Rfc9421Request(signatureInput.Trim(), signature));

        Assert.True(read is not null, $"{label}: {problem}");
        Assert.Equal("test-key-rsa-pss", read.KeyId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1618884473), read.Created);
        Assert.Equal(signatureBase, Encoding.ASCII.GetString(read.SignedBytes));
        Assert.True(read.IsValidFor(RsaPssTestKey), label);
        Assert.False(read.IsValidFor(CavageTestKey), label);
    }

    [Fact]
    public void Rfc9421ExampleWithAChangedQueryNoLongerVerifies()
    {
        var request = Rfc9421Request(
            """sig-b23=("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss" """.Trim(),
            "sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:");
        var changed = request with { TargetUri = new Uri("https://example.com/foo?param=Value&Pet=cat") };

        Assert.True(Rfc9421Signature.Read(request).Signature!.IsValidFor(RsaPssTestKey));
        Assert.False(Rfc9421Signature.Read(changed).Signature!.IsValidFor(RsaPssTestKey));
    }

    [Fact]
    public void Rfc9421MinimalExampleIsRefusedForCoveringNeitherMethodNorTarget()
    {
        var request = Rfc9421Request(
            """sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd" """.Trim(),
            "sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:");

        Assert.Contains("@method", HttpSignatures.Check(request, DateTimeOffset.FromUnixTimeSeconds(1618884473)).Problem);
    }
}
