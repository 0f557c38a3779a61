//! Serves the Connect redirect handler on 127.0.0.1:8000; register
//! `http://127.0.0.1:8000/callback` as a redirect URI of your Smartcar application.

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:8000").await?;
    println!("listening on http://{}/callback", listener.local_addr()?);
    axum::serve(listener, smartcar_connect_redirect_example::app()).await
}
