using QRCoder;

namespace VakkanjersLive.Web.Features.Live;

/// <summary>The audience join link and its QR code (SVG, drawn on the server: no script, prints sharply).</summary>
public static class JoinQr
{
    /// <summary>The join link on <c>Public:BaseUrl</c> when it is set; only otherwise on the request's own address.</summary>
    public static string JoinUrl(PublicLinkOptions options, string requestBaseUri, string joinCode) =>
        JoinUrl(string.IsNullOrWhiteSpace(options.BaseUrl) ? requestBaseUri : options.BaseUrl, joinCode);

    public static string JoinUrl(string baseUri, string joinCode) => $"{baseUri.TrimEnd('/')}/live/{joinCode}";

    /// <summary>Where judges sign in with their code (printed on the code slips), on the same base as the join link.</summary>
    public static string SignInUrl(PublicLinkOptions options, string requestBaseUri) =>
        $"{(string.IsNullOrWhiteSpace(options.BaseUrl) ? requestBaseUri : options.BaseUrl).TrimEnd('/')}/account/signin";

    /// <summary>A class's join link: the join page with the class code (issue 11), on the same base as the join link.</summary>
    public static string ClassUrl(PublicLinkOptions options, string requestBaseUri, string classCode) =>
        $"{(string.IsNullOrWhiteSpace(options.BaseUrl) ? requestBaseUri : options.BaseUrl).TrimEnd('/')}/live?class={classCode}";

    /// <summary>A school's teacher link (issue 11): the token is the secret, shown once.</summary>
    public static string TeacherUrl(PublicLinkOptions options, string requestBaseUri, string token) =>
        $"{(string.IsNullOrWhiteSpace(options.BaseUrl) ? requestBaseUri : options.BaseUrl).TrimEnd('/')}/teacher/{token}";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
