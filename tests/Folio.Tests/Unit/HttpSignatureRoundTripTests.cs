using System.Security.Cryptography;
using System.Text;
using Folio.Features.Federation.Signatures;
using Folio.Tests.Federation;

namespace Folio.Tests.Unit;

/// <summary>What Folio's signer (and an RFC 9421 signer) sign, the verifier accepts; any change to what was signed is refused.</summary>
public sealed class HttpSignatureRoundTripTests
{
    private static readonly RSA Key = RSA.Create(2048);
    private static readonly RSA OtherKey = RSA.Create(2048);
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 18, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"Follow"}""");
    private const string KeyId = "https://remote.example/users/ana#main-key";

    private static SignedRequest Signed(Action<HttpRequestMessage> sign, byte[] body, Action<HttpRequestMessage>? change = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://folio.example/ap/inbox");
        message.Headers.Host = "folio.example";
        sign(message);
        change?.Invoke(message);
        return SignedRequest.Of(message.Method.Method, message.RequestUri!.AbsoluteUri,
            message.Headers.SelectMany(h => h.Value.Select(v => (h.Key, v))), body);
    }

    private static SignedRequest Cavage(byte[]? body = null, Action<HttpRequestMessage>? change = null) =>
        Signed(m => DraftCavageSigner.Sign(m, Body, KeyId, Key.ExportPkcs8PrivateKeyPem(), Now), body ?? Body, change);

    private static SignedRequest Rfc9421(byte[]? body = null, Action<HttpRequestMessage>? change = null) =>
        Signed(m => Rfc9421TestSigner.Sign(m, Body, KeyId, Key.ExportPkcs8PrivateKeyPem(), Now), body ?? Body, change);

    private static bool Accepted(SignedRequest request, RSA? key = null, DateTimeOffset? now = null) =>
        HttpSignatures.Check(request, now ?? Now) is { Signature: { } signature } && signature.IsValidFor((key ?? Key).ExportSubjectPublicKeyInfoPem());

    [Fact]
    public void WhatFolioSignsItAccepts()
    {
        var check = HttpSignatures.Check(Cavage(), Now);

        Assert.Null(check.Problem);
        Assert.Equal(KeyId, check.Signature!.KeyId);
        Assert.True(Accepted(Cavage()));
    }

    [Fact]
    public void AnRfc9421SignatureIsAcceptedToo() => Assert.True(Accepted(Rfc9421()));

    [Fact]
    public void AnotherKeyIsRefused()
    {
        Assert.False(Accepted(Cavage(), OtherKey));
        Assert.False(Accepted(Rfc9421(), OtherKey));
    }

    [Fact]
    public void AChangedBodyIsRefused()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"type":"Block"}""");

        Assert.Contains("Digest", HttpSignatures.Check(Cavage(tampered), Now).Problem);
        Assert.Contains("Content-Digest", HttpSignatures.Check(Rfc9421(tampered), Now).Problem);
    }

    [Fact]
    public void AChangedHeaderIsRefused()
    {
        var otherDate = Cavage(change: m =>
        {
            m.Headers.Remove("Date");
            m.Headers.TryAddWithoutValidation("Date", Now.AddMinutes(1).ToString("r"));
        });
        var otherDigest = Cavage(body: Encoding.UTF8.GetBytes("{}"), change: m =>
        {
            m.Headers.Remove("Digest");
            m.Headers.TryAddWithoutValidation("Digest", "SHA-256=" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("{}"))));
        });

        Assert.False(Accepted(otherDate));
        Assert.False(Accepted(otherDigest));
    }

    [Fact]
    public void ADateMoreThanAnHourAwayIsRefusedEitherWay()
    {
        Assert.True(Accepted(Cavage(), now: Now.AddMinutes(59)));
        Assert.Contains("more than an hour", HttpSignatures.Check(Cavage(), Now.AddMinutes(61)).Problem);
        Assert.Contains("more than an hour", HttpSignatures.Check(Cavage(), Now.AddMinutes(-61)).Problem);
        Assert.Contains("more than an hour", HttpSignatures.Check(Rfc9421(), Now.AddHours(2)).Problem);
    }

    [Fact]
    public void AnUnsignedRequestIsRefused() =>
        Assert.Contains("not signed", HttpSignatures.Check(SignedRequest.Of("POST", "https://folio.example/ap/inbox", [("Host", "folio.example")], Body), Now).Problem);
}
