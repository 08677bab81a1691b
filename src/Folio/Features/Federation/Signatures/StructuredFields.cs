using System.Globalization;

namespace Folio.Features.Federation.Signatures;

/// <summary>A token bare item (RFC 8941 §3.3.4), kept apart from a string because the two serialise differently.</summary>
public readonly record struct SfToken(string Value);

/// <summary>An item or an inner list with its parameters, as a dictionary member holds it.</summary>
public abstract record SfMember(IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public object? Parameter(string key) => Parameters.LastOrDefault(p => p.Key == key).Value;

    public abstract string Serialize();

    protected string SerializeParameters() =>
        string.Concat(Parameters.Select(p => p.Value is true ? ";" + p.Key : $";{p.Key}={StructuredFields.SerializeBareItem(p.Value)}"));
}

/// <summary>A bare item with parameters, e.g. "@query-param";name="Pet".</summary>
public sealed record SfItem(object Value, IReadOnlyList<KeyValuePair<string, object>> Parameters) : SfMember(Parameters)
{
    public override string Serialize() => StructuredFields.SerializeBareItem(Value) + SerializeParameters();
}

/// <summary>A parenthesised list of items with parameters, e.g. ("@method" "@path");created=1618884473.</summary>
public sealed record SfInnerList(IReadOnlyList<SfItem> Items, IReadOnlyList<KeyValuePair<string, object>> Parameters) : SfMember(Parameters)
{
    public override string Serialize() => "(" + string.Join(' ', Items.Select(i => i.Serialize())) + ")" + SerializeParameters();
}

/// <summary>
/// RFC 8941 structured field values, as far as RFC 9421 and RFC 9530 need them: dictionaries whose members are items or
/// inner lists with parameters. Bare items are long, decimal, string, <see cref="SfToken"/>, byte[] or bool.
/// No package on the mirror parses them, and the grammar is small.
/// </summary>
public static class StructuredFields
{
    /// <summary>The dictionary in a header value, or null when it does not parse (a field that fails to parse is ignored whole).</summary>
    public static IReadOnlyDictionary<string, SfMember>? ParseDictionary(string text)
    {
        var reader = new StructuredFieldReader(text);
        try
        {
            var members = new Dictionary<string, SfMember>(StringComparer.Ordinal);
            reader.SkipSpaces();
            while (!reader.AtEnd)
            {
                var key = reader.Key();
                if (reader.TryTake('='))
                {
                    members[key] = reader.Peek == '(' ? reader.InnerList() : reader.Item();
                }
                else
                {
                    members[key] = new SfItem(true, reader.Parameters());
                }

                reader.SkipOptionalWhitespace();
                if (reader.AtEnd)
                {
                    break;
                }

                reader.Expect(',');
                reader.SkipOptionalWhitespace();
                if (reader.AtEnd)
                {
                    return null;
                }
            }

            return members;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string SerializeBareItem(object value) => value switch
    {
        bool flag => flag ? "?1" : "?0",
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.0##", CultureInfo.InvariantCulture),
        string text => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        SfToken token => token.Value,
        byte[] bytes => ":" + Convert.ToBase64String(bytes) + ":",
        _ => throw new ArgumentException($"Not a structured field bare item: {value.GetType().Name}.", nameof(value)),
    };
}
