//! The handler served on 127.0.0.1, receiving the redirects Connect sends.

use std::io::{Read, Write};
use std::net::TcpStream;

/// Starts the app on a free port; returns its address.
fn start() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, smartcar_connect_redirect_example::app())
                .await
                .unwrap();
        });
    });
    address
}

/// `GET target` over a plain HTTP/1.1 connection: (status line, body).
fn get(address: std::net::SocketAddr, target: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_owned(), body.to_owned())
}

#[test]
fn connect_redirects_become_messages_for_the_user() {
    let address = start();
    // The documented example redirect of the Configuration error page.
    let documented = "/callback?error=configuration_error&error_description=There%20has%20been%20an%20error%20in%20the%20configuration%20of%20your%20application.&status_code=400&error_message=You%20have%20entered%20a%20test%20mode%20VIN.%20Please%20enter%20a%20VIN%20that%20belongs%20to%20a%20real%20vehicle.";
    assert_eq!(
        get(address, documented),
        (
            "HTTP/1.1 200 OK".into(),
            "Connect stopped with an error (400): You have entered a test mode VIN. Please enter a VIN that belongs to a real vehicle.".into()
        )
    );
    assert_eq!(
        get(
            address,
            "/callback?error=server_error&error_description=Unexpected%20server%20error."
        ),
        (
            "HTTP/1.1 200 OK".into(),
            "Smartcar had a problem. Please try connecting again.".into()
        )
    );
    assert_eq!(
        get(
            address,
            "/callback?error=access_denied&error_description=User+denied+access+to+application.&state=0facda3319"
        ),
        (
            "HTTP/1.1 200 OK".into(),
            "Your vehicle was not connected (access_denied): User denied access to application.".into()
        )
    );
    assert_eq!(
        get(
            address,
            "/callback?code=90abecb6-e7ab-4b85-864a-e1c8bf67f2ad&state=0facda3319"
        ),
        ("HTTP/1.1 200 OK".into(), "Your vehicle is connected.".into())
    );
    // A malformed optional parameter leaves the error readable.
    assert_eq!(
        get(address, "/callback?error=server_error&status_code=5xx"),
        (
            "HTTP/1.1 200 OK".into(),
            "Smartcar had a problem. Please try connecting again.".into()
        )
    );
}

#[test]
fn an_incompatible_vehicle_is_described() {
    let address = start();
    // The redirect of smartcar/javascript-sdk's test/unit/sdk.test.js (VehicleIncompatible).
    assert_eq!(
        get(
            address,
            "/callback?error=vehicle_incompatible&error_description=describes+the+error\
             &vin=some_vin&year=2017&make=TESLA&model=Model+S"
        ),
        (
            "HTTP/1.1 200 OK".into(),
            "Your 2017 TESLA Model S (VIN some_vin) cannot be connected yet.".into()
        )
    );
    // smartcar/android-sdk's SmartcarAuthTest.kt: vin and make only.
    assert_eq!(
        get(
            address,
            "/callback?error=vehicle_incompatible\
             &error_description=The%20user%27s%20vehicle%20is%20not%20compatible.\
             &vin=1FDKE30G4JHA04964&make=FORD"
        ),
        (
            "HTTP/1.1 200 OK".into(),
            "Your FORD (VIN 1FDKE30G4JHA04964) cannot be connected yet.".into()
        )
    );
}

#[test]
fn an_authorization_with_a_virtual_key_url() {
    let address = start();
    // smartcar/android-sdk's SmartcarAuthTest.kt, receiveResponse_codeWithVirtualKeyUrl.
    assert_eq!(
        get(
            address,
            "/callback?code=testCode&virtual_key_url=https://www.tesla.com/_ak/smartcar.com"
        ),
        (
            "HTTP/1.1 200 OK".into(),
            "Your vehicle is connected. To send it commands, add Smartcar's virtual key: https://www.tesla.com/_ak/smartcar.com".into()
        )
    );
}

#[test]
fn redirects_that_cannot_be_read_are_bad_requests() {
    let address = start();
    assert_eq!(
        get(address, "/callback?state=0facda3319"),
        (
            "HTTP/1.1 400 Bad Request".into(),
            "This is not a redirect from Smartcar Connect: the redirect carries neither an `error` nor a `code`".into()
        )
    );
    assert_eq!(
        get(address, "/callback?error=server_error&error_description=100%"),
        (
            "HTTP/1.1 400 Bad Request".into(),
            "This is not a redirect from Smartcar Connect: invalid percent-encoding at byte 50 of the redirect".into()
        )
    );
}
