using System.Buffers.Binary;

namespace Strata.Testing.RoundTrips;

/// <summary>
/// Cuts one direction of a PostgreSQL connection into protocol messages, however TCP splits the bytes: a type byte
/// and a length, or a length alone for the client's first messages (start-up, SSL and GSS requests), and single
/// bytes for the server's answers to those requests.
/// </summary>
internal sealed class MessageFramer(bool untypedAtStart)
{
    /// <summary>The type reported for the untyped start-up messages.</summary>
    public const byte UntypedMessage = 0;

    private const int KeptBodyBytes = 4096;

    private readonly byte[] _header = new byte[5];
    private readonly List<byte> _body = [];
    private int _headerRead;
    private int _remaining = -1;
    private byte _type;

    /// <summary>Whether messages still come without a type byte (until the client's start-up message).</summary>
    public bool Untyped { get; set; } = untypedAtStart;

    /// <summary>Single bytes still expected before the next message: the server's answers to SSL or GSS requests.</summary>
    public int SingleBytesExpected { get; set; }

    /// <summary>
    /// Reads the next bytes; calls <paramref name="started"/> when a message begins and <paramref name="completed"/>
    /// with its type and the start of its body when it ends.
    /// </summary>
    public void Read(ReadOnlySpan<byte> bytes, Action started, Action<byte, byte[]> completed)
    {
        while (!bytes.IsEmpty)
        {
            if (_remaining < 0 && _headerRead == 0 && SingleBytesExpected > 0)
            {
                SingleBytesExpected--;
                bytes = bytes[1..];
                continue;
            }

            if (_remaining < 0)
            {
                if (_headerRead == 0)
                {
                    started();
                }

                var headerLength = Untyped ? 4 : 5;
                var take = Math.Min(headerLength - _headerRead, bytes.Length);
                bytes[..take].CopyTo(_header.AsSpan(_headerRead));
                _headerRead += take;
                bytes = bytes[take..];
                if (_headerRead < headerLength)
                {
                    return;
                }

                _type = Untyped ? UntypedMessage : _header[0];
                _remaining = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(headerLength - 4)) - 4;
                _headerRead = 0;
                _body.Clear();
            }

            var chunk = Math.Min(_remaining, bytes.Length);
            _body.AddRange(bytes[..Math.Min(chunk, Math.Max(KeptBodyBytes - _body.Count, 0))]);
            _remaining -= chunk;
            bytes = bytes[chunk..];
            if (_remaining == 0)
            {
                _remaining = -1;
                completed(_type, [.. _body]);
            }
        }
    }
}
