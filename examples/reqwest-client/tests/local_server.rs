//! The recipe against a server on 127.0.0.1 that answers with documented error responses.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use smartcar_errors::{ApiErrorCode, BodyShape};
use smartcar_reqwest_client_example::{CallError, get};

/// Serves `responses` (head, body) in order, one per connection, then stops; returns the
/// base URL and the request lines and headers it saw.
fn serve(responses: Vec<(&'static str, &'static str)>) -> (String, thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = thread::spawn(move || {
        let mut seen = Vec::new();
        for (head, body) in responses {
            let (mut stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = Vec::new();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" || line.is_empty() {
                    break;
                }
                request.push(line.trim_end().to_ascii_lowercase());
            }
            seen.push(request.join("\n"));
            let response = format!(
                "{head}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            stream.write_all(response.as_bytes()).unwrap();
        }
        seen
    });
    (base, handle)
}

/// Runs a future to completion, as the application's runtime would.
fn block_on<F: Future>(future: F) -> F::Output {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(future)
}

#[test]
fn error_responses_become_typed_errors() {
    let documented = r#"{"type": "SERVER", "code": "INTERNAL", "description": "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.", "docURL": "https://smartcar.com/docs/errors/api-errors/server-errors#internal", "statusCode": 500, "resolution": {"type": "RETRY_LATER"}}"#;
    let (base, server) = serve(vec![
        (
            "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nSC-Request-Id: 5dea93a1\r\nRetry-After: 15",
            documented,
        ),
        (
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html",
            "<html><body>Bad Gateway</body></html>",
        ),
        (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json",
            r#"{"percentRemaining": 0.3}"#,
        ),
    ]);
    let client = reqwest::Client::new();
    let url = format!("{base}/v2.0/vehicles/v1/battery");

    let Err(CallError::Smartcar(error)) = block_on(get(&client, &url, "token-123")) else {
        panic!("an error")
    };
    assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
    assert_eq!(error.http_status(), Some(500));
    assert_eq!(error.request_id(), Some("5dea93a1"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(15)));
    assert!(error.is_retryable());

    let Err(CallError::Smartcar(gateway)) = block_on(get(&client, &url, "token-123")) else {
        panic!("an error")
    };
    assert_eq!(gateway.shape(), BodyShape::Other);
    assert_eq!(
        gateway.to_string(),
        "HTTP 502: <html><body>Bad Gateway</body></html>"
    );

    let battery = block_on(get(&client, &url, "token-123")).unwrap();
    assert_eq!(battery["percentRemaining"], 0.3);

    let requests = server.join().unwrap();
    assert!(
        requests[0].starts_with("get /v2.0/vehicles/v1/battery http/1.1\n"),
        "{}",
        requests[0]
    );
    assert!(
        requests[0].contains("\nauthorization: bearer token-123"),
        "{}",
        requests[0]
    );
}
