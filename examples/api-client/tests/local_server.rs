//! The client against a server on 127.0.0.1 that answers with documented error responses.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

use smartcar_api_client_example::{Action, CallError, Client, decide};
use smartcar_errors::{ApiErrorCode, BodyShape};

/// Serves `responses` (head, body) in order, one per connection, then stops; returns the
/// base URL and the requests it saw (head lines, a blank line, the body).
fn serve(responses: Vec<(&'static str, String)>) -> (String, thread::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = thread::spawn(move || {
        let mut seen = Vec::new();
        for (head, body) in responses {
            let (mut stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = Vec::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line == "\r\n" || line.is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':')
                    && name.eq_ignore_ascii_case("content-length")
                {
                    length = value.trim().parse().unwrap();
                }
                request.push(line.trim_end().to_owned());
            }
            let mut request_body = vec![0; length];
            reader.read_exact(&mut request_body).unwrap();
            request.push(String::new());
            request.push(String::from_utf8(request_body).unwrap());
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

#[test]
fn a_documented_error_becomes_a_typed_error_and_a_decision() {
    let body = r#"{"type": "SERVER", "code": "INTERNAL", "description": "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.", "docURL": "https://smartcar.com/docs/errors/api-errors/server-errors#internal", "statusCode": 500, "resolution": {"type": "RETRY_LATER"}}"#;
    let (base, server) = serve(vec![(
        "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nSC-Request-Id: 5dea93a1\r\nRetry-After: 15",
        body.to_owned(),
    )]);
    let client = Client::new(&base, "token-123");
    let Err(CallError::Smartcar(error)) = client.get("/v2.0/vehicles/v1/battery") else {
        panic!("an error")
    };
    assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
    assert_eq!(error.request_id(), Some("5dea93a1"));
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(
        decide(&error, "Battery Monitor"),
        Action::RetryAfter(Duration::from_secs(15))
    );
    let requests = server.join().unwrap();
    assert!(
        requests[0].starts_with("GET /v2.0/vehicles/v1/battery HTTP/1.1\n"),
        "{}",
        requests[0]
    );
    assert!(
        requests[0]
            .to_ascii_lowercase()
            .contains("\nauthorization: bearer token-123"),
        "{}",
        requests[0]
    );
}

#[test]
fn a_gateway_page_and_an_oauth_error_are_handled_too() {
    let (base, server) = serve(vec![
        (
            "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html",
            "<html><body>Bad Gateway</body></html>".to_owned(),
        ),
        (
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html\r\nDate: Wed, 21 Oct 2026 07:27:00 GMT\r\nRetry-After: Wed, 21 Oct 2026 07:28:00 GMT",
            "<html><body>Down for maintenance</body></html>".to_owned(),
        ),
        (
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json",
            r#"{"error": "invalid_token", "error_description": "The access token expired."}"#.to_owned(),
        ),
        (
            "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json",
            r#"{"type": "SERVER", "code": "RECORD_NOT_FOUND", "statusCode": 500, "requestId": "r-9"}"#
                .to_owned(),
        ),
        (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json",
            r#"{"percentRemaining": 0.3}"#.to_owned(),
        ),
    ]);
    let client = Client::new(&base, "t");
    let Err(CallError::Smartcar(gateway)) = client.get("/a") else {
        panic!()
    };
    assert_eq!(gateway.shape(), BodyShape::Other);
    assert_eq!(
        gateway.to_string(),
        "HTTP 502: <html><body>Bad Gateway</body></html>"
    );
    // A 502 that does not say when to retry is not worth retrying blindly.
    assert_eq!(
        decide(&gateway, "App"),
        Action::Report("HTTP 502: <html><body>Bad Gateway</body></html> (request unknown)".into())
    );

    let Err(CallError::Smartcar(maintenance)) = client.get("/b") else {
        panic!()
    };
    assert_eq!(
        decide(&maintenance, "App"),
        Action::RetryAfter(Duration::from_secs(60)),
        "the HTTP date, counted from the response's Date"
    );

    let Err(CallError::Smartcar(oauth)) = client.get("/c") else {
        panic!()
    };
    assert_eq!(oauth.shape(), BodyShape::OAuth);
    assert_eq!(
        oauth.to_string(),
        "invalid_token (401): The access token expired."
    );
    assert_eq!(
        decide(&oauth, "App"),
        Action::Report("invalid_token (401): The access token expired. (request unknown)".into())
    );

    let Err(CallError::Smartcar(not_found)) = client.get("/d") else {
        panic!()
    };
    assert_eq!(
        decide(&not_found, "Battery Monitor"),
        Action::TellUser(
            "Your car is temporarily unable to connect to Battery Monitor. Please be patient while we’re working to resolve this issue.".into()
        )
    );
    assert_eq!(client.get("/e").unwrap()["percentRemaining"], 0.3);
    server.join().unwrap();
}

#[test]
fn a_batch_response_gives_each_failed_item_its_error() {
    let batch = r#"{"responses": [
        {"path": "/odometer", "code": 200, "headers": {"sc-unit-system": "metric"},
         "body": {"distance": 32768}},
        {"path": "/battery", "code": 429, "headers": {"Retry-After": 999},
         "body": {"statusCode": 429, "type": "RATE_LIMIT", "code": "VEHICLE",
                  "description": "You have reached the throttling rate limit for this vehicle.",
                  "resolution": {"type": "RETRY_LATER"}, "requestId": "item-7"}},
        {"path": "/engine/oil", "code": 501,
         "body": {"error": "vehicle_not_capable_error", "message": "Vehicle is not capable of performing request."}}
    ]}"#;
    let (base, server) = serve(vec![
        (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSC-Request-Id: batch-42",
            batch.to_owned(),
        ),
        (
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nSC-Request-Id: batch-43",
            r#"{"type": "AUTHENTICATION", "code": null, "description": "The provided token is invalid or expired.", "statusCode": 401, "resolution": {"type": "REAUTHENTICATE"}}"#.to_owned(),
        ),
    ]);
    let client = Client::new(&base, "token-9");
    let batch = client
        .batch("v1", &["/odometer", "/battery", "/engine/oil"])
        .unwrap();
    assert_eq!(batch.request_id(), Some("batch-42"));
    assert_eq!(batch.get("/odometer").unwrap().body().unwrap()["distance"], 32768);
    let decisions: Vec<(&str, Action)> = batch
        .errors()
        .map(|(item, error)| (item.path(), decide(error, "Battery Monitor")))
        .collect();
    assert_eq!(
        decisions,
        [
            ("/battery", Action::RetryAfter(Duration::from_secs(999))),
            (
                "/engine/oil",
                Action::Report(
                    "vehicle_not_capable_error (501): Vehicle is not capable of performing request. (request batch-42)"
                        .into()
                )
            ),
        ]
    );
    assert_eq!(
        batch.get("/battery").unwrap().error().unwrap().request_id(),
        Some("item-7")
    );

    let Err(CallError::Smartcar(failed)) = client.batch("v1", &["/odometer"]) else {
        panic!("the batch itself failed")
    };
    assert_eq!(decide(&failed, "App"), Action::Reconnect(None));
    assert_eq!(failed.request_id(), Some("batch-43"));

    let requests = server.join().unwrap();
    assert!(
        requests[0].starts_with("POST /v2.0/vehicles/v1/batch HTTP/1.1\n"),
        "{}",
        requests[0]
    );
    assert!(
        requests[0]
            .ends_with(r#"{"requests":[{"path":"/odometer"},{"path":"/battery"},{"path":"/engine/oil"}]}"#),
        "{}",
        requests[0]
    );
}
