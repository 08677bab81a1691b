namespace Folio.Features.Errors;

/// <summary>One text field of a refused form, named as a person would read it ("Body" for "Input.Body").</summary>
public sealed record KeptField(string Name, string Label, string Value)
{
    private const int MaxFields = 20;

    private static readonly HashSet<string> NotWritten = new(StringComparer.OrdinalIgnoreCase)
    {
        "__RequestVerificationToken", "returnUrl", "handler",
    };

    /// <summary>What a person wrote into the form: non-empty values that aren't tokens, addresses or checkbox states.</summary>
    public static IReadOnlyList<KeptField> From(IFormCollection form) =>
    [
        .. form
            .Where(field => !NotWritten.Contains(field.Key) && !NotWritten.Contains(LastPart(field.Key)))
            .SelectMany(field => field.Value.Select(value => (field.Key, Value: value?.Trim() ?? "")))
            .Where(field => field.Value.Length > 0 && !bool.TryParse(field.Value, out _))
            .Take(MaxFields)
            .Select(field => new KeptField(field.Key, LastPart(field.Key), field.Value)),
    ];

    private static string LastPart(string key) => key[(key.LastIndexOf('.') + 1)..];
}
