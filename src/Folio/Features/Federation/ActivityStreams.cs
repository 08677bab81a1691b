namespace Folio.Features.Federation;

/// <summary>The names ActivityPub documents share.</summary>
public static class ActivityStreams
{
    public const string Context = "https://www.w3.org/ns/activitystreams";
    public const string Public = "https://www.w3.org/ns/activitystreams#Public";
    public const string ContentType = "application/activity+json; charset=utf-8";
}
