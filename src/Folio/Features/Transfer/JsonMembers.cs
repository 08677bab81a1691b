using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Folio.Features.Transfer;

/// <summary>One top-level member of a JSON object, or one element of a member that is an array, as its UTF-8 JSON.</summary>
public readonly record struct JsonMember(string Name, byte[] Json);

/// <summary>
/// Reads a file holding one JSON object member by member, handing out each array member's elements one at a time,
/// so that a file of any size is read with a buffer the size of its largest element rather than all of it.
/// </summary>
public sealed class JsonMembers
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private bool _done;
    private JsonReaderState _state;
    private string? _member;
    private bool _inArray;

    /// <summary>Throws JsonException when the file is not one JSON object.</summary>
    public static async IAsyncEnumerable<JsonMember> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        var members = new JsonMembers();
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
        }

        (_start, _end) = (0, unread);
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        _final = read == 0;
    }

    /// <summary>The members and elements complete in the buffer; what is left waits for more of the file.</summary>
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

            var depth = reader.CurrentDepth;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when depth == 0:
                    continue;
                case not (JsonTokenType.StartObject or JsonTokenType.EndObject) when depth == 0:
                    throw new JsonException("The file is not a JSON object.");
                case JsonTokenType.EndObject when depth == 0:
                    _done = true;
                    continue;
                case JsonTokenType.PropertyName when depth == 1:
                    _member = reader.GetString();
                    continue;
                case JsonTokenType.StartArray when depth == 1 && !_inArray:
                    _inArray = true;
                    continue;
                case JsonTokenType.EndArray when depth == 1:
                    _inArray = false;
                    continue;
            }

            // A whole value: a member's (depth 1) or an array member's element (depth 2).
            var start = reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                break; // read it again, from its first token, once more of the file is in
            }

            found.Add(new JsonMember(_member!, _buffer.AsSpan(_start + (int)start, (int)(reader.BytesConsumed - start)).ToArray()));
        }

        if (_done)
        {
            return found;
        }

        _start += (int)consumed;
        _state = state;
        return found;
    }
}
