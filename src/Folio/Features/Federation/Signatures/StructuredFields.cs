using System.Globalization;
using System.Text;

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

public sealed record SfItem(object Value, IReadOnlyList<KeyValuePair<string, object>> Parameters) : SfMember(Parameters)
{
    public override string Serialize() => StructuredFields.SerializeBareItem(Value) + SerializeParameters();
}

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
        var reader = new Reader(text);
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

    private sealed class Reader(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;
        public char Peek => AtEnd ? '\0' : text[_at];

        public bool TryTake(char c)
        {
            if (Peek != c || AtEnd)
            {
                return false;
            }

            _at++;
            return true;
        }

        public void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw new FormatException($"Expected '{c}' at {_at}.");
            }
        }

        public void SkipSpaces()
        {
            while (Peek == ' ')
            {
                _at++;
            }
        }

        public void SkipOptionalWhitespace()
        {
            while (Peek is ' ' or '\t')
            {
                _at++;
            }
        }

        public string Key()
        {
            if (!(char.IsAsciiLetterLower(Peek) || Peek == '*'))
            {
                throw new FormatException($"A key must start with a lower-case letter or '*' at {_at}.");
            }

            var start = _at;
            while (char.IsAsciiLetterLower(Peek) || char.IsAsciiDigit(Peek) || Peek is '_' or '-' or '.' or '*')
            {
                _at++;
            }

            return text[start.._at];
        }

        public SfInnerList InnerList()
        {
            Expect('(');
            var items = new List<SfItem>();
            while (true)
            {
                SkipSpaces();
                if (TryTake(')'))
                {
                    return new SfInnerList(items, Parameters());
                }

                items.Add(Item());
                if (Peek is not (' ' or ')'))
                {
                    throw new FormatException($"Expected a space or ')' at {_at}.");
                }
            }
        }

        public SfItem Item() => new(BareItem(), Parameters());

        public List<KeyValuePair<string, object>> Parameters()
        {
            var parameters = new List<KeyValuePair<string, object>>();
            while (TryTake(';'))
            {
                SkipSpaces();
                var key = Key();
                parameters.Add(new(key, TryTake('=') ? BareItem() : true));
            }

            return parameters;
        }

        private object BareItem() => Peek switch
        {
            '-' or (>= '0' and <= '9') => Number(),
            '"' => String(),
            ':' => Bytes(),
            '?' => Boolean(),
            '*' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') => Token(),
            _ => throw new FormatException($"Not a bare item at {_at}."),
        };

        private object Number()
        {
            var start = _at;
            TryTake('-');
            while (char.IsAsciiDigit(Peek) || Peek == '.')
            {
                _at++;
            }

            var number = text[start.._at];
            if (number.Contains('.', StringComparison.Ordinal))
            {
                return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && number.Length <= 17
                    ? fraction
                    : throw new FormatException($"Not a decimal: {number}.");
            }

            return number.Length <= 16 && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? integer
                : throw new FormatException($"Not an integer: {number}.");
        }

        private string String()
        {
            Expect('"');
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = text[_at++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c == '\\')
                {
                    var escaped = AtEnd ? '\0' : text[_at++];
                    value.Append(escaped is '"' or '\\' ? escaped : throw new FormatException("Only \\\" and \\\\ may be escaped."));
                }
                else if (c is < ' ' or > '~')
                {
                    throw new FormatException("A string holds printable ASCII only.");
                }
                else
                {
                    value.Append(c);
                }
            }

            throw new FormatException("An unterminated string.");
        }

        private byte[] Bytes()
        {
            Expect(':');
            var end = text.IndexOf(':', _at);
            if (end < 0)
            {
                throw new FormatException("An unterminated byte sequence.");
            }

            var base64 = text[_at..end];
            _at = end + 1;
            try
            {
                return Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new FormatException("A byte sequence that is not base64.");
            }
        }

        private bool Boolean()
        {
            Expect('?');
            return TryTake('1') || (TryTake('0') ? false : throw new FormatException("A boolean is ?0 or ?1."));
        }

        private SfToken Token()
        {
            var start = _at++;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || "!#$%&'*+-.^_`|~:/".Contains(Peek, StringComparison.Ordinal)))
            {
                _at++;
            }

            return new SfToken(text[start.._at]);
        }
    }
}
