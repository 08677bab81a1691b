using System.Globalization;

namespace Folio.Features.Federation.Signatures;

/// <summary>A signature that covers enough and is fresh, waiting for its key; or why the request is refused.</summary>
public sealed record SignatureCheck(HttpSignature? Signature, string? Problem)
{
    public static SignatureCheck Refused(string problem) => new(null, problem);
}

/// <summary>
/// Folio's rules for a signed request, before any key is fetched: an RFC 9421 signature when Signature-Input is
/// present, else draft-cavage; it must cover the method and target, a time within <see cref="Window"/> of now, and
/// the body through a digest that matches it. Only then is the key worth looking up.
/// </summary>
public static class HttpSignatures
{
    /// <summary>How far a signature's time may be from ours, either way: clocks drift and queues retry.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static SignatureCheck Check(SignedRequest request, DateTimeOffset now)
    {
        var rfc9421 = Rfc9421Signature.IsPresent(request);
        if (!rfc9421 && !DraftCavageSignature.IsPresent(request))
        {
            return SignatureCheck.Refused("The request is not signed: send an HTTP signature (draft-cavage or RFC 9421) made with the actor's key.");
        }

        var (signature, problem) = rfc9421 ? Rfc9421Signature.Read(request) : DraftCavageSignature.Read(request);
        if (signature is null)
        {
            return SignatureCheck.Refused(problem!);
        }

        return (rfc9421 ? CoverageProblem9421(signature, request) : CoverageProblemCavage(signature, request)) is { } uncovered
            ? SignatureCheck.Refused(uncovered)
            : TimeProblem(signature, request, now) is { } stale ? SignatureCheck.Refused(stale) : new SignatureCheck(signature, null);
    }

    private static string? CoverageProblemCavage(HttpSignature signature, SignedRequest request)
    {
        string[] required = ["(request-target)", "host", signature.Covered.Contains("(created)") ? "(created)" : "date"];
        if (required.FirstOrDefault(name => !signature.Covered.Contains(name)) is { } missing)
        {
            return $"The signature must cover (request-target), host and date; it does not cover {missing}.";
        }

        if (request.Body.Length == 0)
        {
            return null;
        }

        return !signature.Covered.Contains("digest")
            ? "The signature must cover a Digest of the body."
            : BodyDigests.DigestMatches(request.Header("digest"), request.Body) ? null : "The Digest header does not match the body.";
    }

    private static string? CoverageProblem9421(HttpSignature signature, SignedRequest request)
    {
        var covered = signature.Covered;
        if (!covered.Contains("@method") || !(covered.Contains("@target-uri") || (covered.Contains("@authority") && covered.Contains("@path"))))
        {
            return "The signature must cover @method and @target-uri (or @authority and @path).";
        }

        if (request.Body.Length == 0)
        {
            return null;
        }

        return !covered.Contains("content-digest")
            ? "The signature must cover a Content-Digest of the body."
            : BodyDigests.ContentDigestMatches(request.Header("content-digest"), request.Body) ? null : "The Content-Digest header does not match the body.";
    }

    private static string? TimeProblem(HttpSignature signature, SignedRequest request, DateTimeOffset now)
    {
        if (signature.Expires is { } expires && expires < now)
        {
            return "The signature has expired.";
        }

        var signedAt = signature.Created;
        if (signedAt is null && signature.Covered.Contains("date") && request.Header("date") is { } date
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            signedAt = parsed;
        }

        if (signedAt is null)
        {
            return "The signature must carry its time: a signed Date header or a created parameter.";
        }

        return (signedAt.Value - now).Duration() > Window
            ? $"The signature was made at {signedAt.Value:u}, more than an hour from this server's time ({now:u})."
            : null;
    }
}
