namespace Folio.Tests.Fuzzing;

/// <summary>A field as the page offers it: its name, the value a browser would send, and what else it allows.</summary>
public sealed record FormField(string Name, string Value, string Type, IReadOnlyList<string> Options)
{
    public bool IsChoice => Type is "checkbox" or "radio" or "select";
}

/// <summary>
/// A form as one identity saw it on one page, with the antiforgery token that identity's cookie goes with,
/// so a mutated submission still reaches the page handler rather than stopping at the antiforgery check.
/// </summary>
public sealed record FormTarget(string Identity, string Page, string Method, string Action, IReadOnlyList<FormField> Fields)
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The action with ids and slugs replaced, so every story's edit form is one target in a report.</summary>
    public string Template => PathTemplate.Of(Action);

    /// <summary>What a browser sends: every field, each checkbox once checked, the first choice of each select.</summary>
    public List<KeyValuePair<string, string>> BrowserFields() =>
        Fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
}
