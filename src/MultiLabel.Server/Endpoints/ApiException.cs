namespace MultiLabel.Server.Endpoints;

/// <summary>A request the server refuses: the HTTP status and a message for the <c>{"error": ...}</c> body.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    /// <summary>The HTTP status code to answer with.</summary>
    public int Status => status;
}

/// <summary>The JSON body of every error answer.</summary>
/// <param name="Error">What was wrong and, where it helps, what to do.</param>
internal sealed record ApiError(string Error);
