using System.Buffers.Binary;
using System.Text;

namespace Strata.Testing.RoundTrips;

/// <summary>
/// One proxied connection, followed message by message in both directions: whose turn it is, and what the client sent
/// in each of its turns. The client takes a new turn — a round trip — when it begins a request while every request it
/// sent before has been answered (a <c>ReadyForQuery</c> for each <c>Sync</c> or simple <c>Query</c>). Messages it
/// pipelines behind an unanswered request, or sends in the middle of one, belong to the turn already counted.
/// </summary>
internal sealed class Conversation
{
    private const int ProtocolVersion3 = 196_608;
    private const int SslRequest = 80_877_103;
    private const int GssEncryptionRequest = 80_877_104;
    private const int ShownCharacters = 100;

    private readonly MessageFramer _client = new(untypedAtStart: true);
    private readonly MessageFramer _server = new(untypedAtStart: false);
    private bool _requestOpen;
    private int _unanswered;
    private List<string>? _trip;

    /// <summary>Reads bytes the client sent; calls <paramref name="newTrip"/> for the list of statements of each new turn.</summary>
    public void FromClient(ReadOnlySpan<byte> bytes, Func<List<string>> newTrip) =>
        _client.Read(bytes, () =>
        {
            if (!_requestOpen)
            {
                if (_unanswered == 0)
                {
                    _trip = newTrip();
                }

                _requestOpen = true;
            }
        }, FromClientCompleted);

    /// <summary>Reads bytes the server sent, before they are forwarded: an answer must be seen before the client can act on it.</summary>
    public void FromServer(ReadOnlySpan<byte> bytes) =>
        _server.Read(bytes, static () => { }, (type, _) =>
        {
            if (type == (byte)'Z' && _unanswered > 0)
            {
                _unanswered--;
            }
        });

    private void FromClientCompleted(byte type, byte[] body)
    {
        switch (type)
        {
            case MessageFramer.UntypedMessage:
                var code = body.Length >= 4 ? BinaryPrimitives.ReadInt32BigEndian(body) : 0;
                if (code is SslRequest or GssEncryptionRequest)
                {
                    // Answered by one byte, outside the message framing.
                    _server.SingleBytesExpected++;
                }
                else if (code == ProtocolVersion3)
                {
                    // Authentication and session start end with a ReadyForQuery; the start-up is one turn.
                    _client.Untyped = false;
                    _trip?.Add(RoundTripProxy.StartUp);
                    _unanswered++;
                }

                _requestOpen = false;
                break;
            case (byte)'Q':
                _trip?.Add(Shown(CString(body)));
                _unanswered++;
                _requestOpen = false;
                break;
            case (byte)'P':
                // A parse message names its prepared statement (empty when unnamed), then carries the SQL.
                var name = Array.IndexOf(body, (byte)0);
                _trip?.Add(Shown(CString(name < 0 ? [] : body.AsSpan(name + 1))));
                break;
            case (byte)'S':
                _unanswered++;
                _requestOpen = false;
                break;
            case (byte)'p' or (byte)'H' or (byte)'X':
                // Password and SASL responses, Flush and Terminate close what the client had to say without a ReadyForQuery.
                _requestOpen = false;
                break;
        }
    }

    private static string CString(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }

    private static string Shown(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ShownCharacters ? oneLine : oneLine[..ShownCharacters] + "…";
    }
}
