using System.Globalization;
using System.Text;

namespace Folio.Features.Federation.Signatures;

/// <summary>RFC 8941 §4.2's parsing algorithms over one header value; each throws FormatException where the RFC says fail.</summary>
internal sealed class StructuredFieldReader(string text)
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
