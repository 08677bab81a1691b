using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Folio.Features.Transfer;

/// <summary>
/// One top-level member of a JSON object, or one element of a member that is an array, as its UTF-8 JSON, and where in
/// the file that JSON starts, to read it again later.
/// </summary>
public readonly record struct JsonMember(string Name, byte[] Json, long Offset);

/// <summary>
/// Reads a file holding one JSON object member by member, handing out each array member's elements one at a time,
/// so that a file of any size is read with a buffer the size of its largest element rather than all of it. The object
/// read may be nested: <c>within</c> names the members to descend through (an array on the way is entered, each of its
/// objects in turn), as a Ghost export keeps its data at <c>db[0].data</c>; everything beside that path is skipped.
/// </summary>
public sealed class JsonMembers
{
    private readonly string[] _within;
    private readonly Stack<Container> _open = new();
    private byte[] _buffer = new byte[64 * 1024];
    private long _bufferOffset;
    private int _start;
    private int _end;
    private bool _final;
    private bool _done;
    private JsonReaderState _state;
    private string? _member;

    private JsonMembers(string[] within) => _within = within;

    /// <summary>An object or array entered: how many names of the path lead to it, and whether its elements are handed out.</summary>
    private readonly record struct Container(bool IsArray, int Level, bool HandsOutElements = false);

    /// <summary>Throws JsonException when the file is not one JSON object.</summary>
    public static async IAsyncEnumerable<JsonMember> ReadAsync(
        string path, [EnumeratorCancellation] CancellationToken cancellationToken, params string[] within)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        var members = new JsonMembers(within);
        while (true)
        {
            foreach (var member in members.Parse())
            {
                yield return member;
            }

            if (members._done)
            {
                yield break;
            }

            if (members._final)
            {
                throw new JsonException("The file ends before its JSON does.");
            }

            await members.FillAsync(stream, cancellationToken);
        }
    }

    private async Task FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            // One element larger than the buffer: grow it to hold the element whole.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _bufferOffset += _start;
        }

        (_start, _end) = (0, unread);
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _final = read == 0;
    }

    /// <summary>
    /// The members and elements complete in the buffer; what is left waits for more of the file. Containers are
    /// entered and left only on tokens read whole, so reading again from the last whole token finds the same state.
    /// </summary>
    private List<JsonMember> Parse()
    {
        var found = new List<JsonMember>();
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        var (state, consumed) = (reader.CurrentState, 0L);
        while (!_done)
        {
            (state, consumed) = (reader.CurrentState, reader.BytesConsumed);
            if (!reader.Read())
            {
                break;
            }

            var token = reader.TokenType;
            if (_open.Count == 0)
            {
                _open.Push(token == JsonTokenType.StartObject ? new Container(false, 0) : throw new JsonException("The file is not a JSON object."));
                continue;
            }

            var here = _open.Peek();
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                _open.Pop();
                _done = _open.Count == 0;
                continue;
            }

            if (token == JsonTokenType.PropertyName)
            {
                _member = reader.GetString();
                continue;
            }

            var atTarget = here.Level == _within.Length;
            if (!atTarget && Enters(here, token) is { } inner)
            {
                _open.Push(inner);
                continue;
            }

            if (atTarget && !here.IsArray && token == JsonTokenType.StartArray)
            {
                _open.Push(new Container(true, here.Level, HandsOutElements: true));
                continue;
            }

            // A whole value: one to hand out (a member of the object read, or an element of its array member), or one to pass by.
            var start = reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                break; // read it again, from its first token, once more of the file is in
            }

            if (atTarget && (!here.IsArray || here.HandsOutElements))
            {
                var at = _start + (int)start;
                found.Add(new JsonMember(_member!, _buffer.AsSpan(at, (int)(reader.BytesConsumed - start)).ToArray(), _bufferOffset + at));
            }
        }

        if (_done)
        {
            return found;
        }

        _start += (int)consumed;
        _state = state;
        return found;
    }

    /// <summary>The container this token opens on the way to the object read, or null when it is beside the way.</summary>
    private Container? Enters(Container here, JsonTokenType token) => (here.IsArray, token) switch
    {
        (true, JsonTokenType.StartObject) => new Container(false, here.Level),
        (false, JsonTokenType.StartObject) when _member == _within[here.Level] => new Container(false, here.Level + 1),
        (false, JsonTokenType.StartArray) when _member == _within[here.Level] => new Container(true, here.Level + 1),
        _ => null,
    };
}
