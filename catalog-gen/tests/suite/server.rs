//! A small HTTP/1.1 server on 127.0.0.1: one connection at a time, `Connection: close`; it
//! stops when dropped, and by itself after `SERVER_LIFETIME` or `MAX_CONNECTIONS`.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const SERVER_LIFETIME: Duration = Duration::from_secs(30);
const MAX_CONNECTIONS: usize = 200;
const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// What the server answers on one path.
#[derive(Debug, Clone)]
pub enum Reply {
    /// 200 with this body.
    Page(Vec<u8>),
    /// 200 with these extra headers and this body.
    PageWithHeaders(Vec<(&'static str, String)>, Vec<u8>),
    /// This status, every time.
    Status(u16),
    /// These statuses for the first requests, then 200 with the body.
    StatusesThenPage(Vec<u16>, Vec<u8>),
    /// This redirect status, to this `Location`.
    Redirect(u16, String),
    /// 200 announcing the whole body, then half of it, then the connection closes.
    DropMidBody(Vec<u8>),
    /// 200 announcing the whole body, then one byte of it per interval.
    Trickle(Vec<u8>, Duration),
    /// 200 announcing the whole body, then half of it, then nothing until the server stops.
    Stall(Vec<u8>),
    /// No answer for this long, then the connection closes.
    Silence(Duration),
}

/// The server; `base` is `http://127.0.0.1:PORT`.
pub struct Server {
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    stalled: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves the routes `routes(base)` returns.
    pub fn start(routes: impl FnOnce(&str) -> BTreeMap<String, Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let address: SocketAddr = listener.local_addr().expect("local address");
        let base = format!("http://{address}");
        let routes = routes(&base);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let stalled = Arc::new(AtomicBool::new(false));
        let thread = {
            let (requests, stop, stalled) = (Arc::clone(&requests), Arc::clone(&stop), Arc::clone(&stalled));
            thread::spawn(move || serve(&listener, &routes, &requests, &stop, &stalled))
        };
        Server {
            base,
            requests,
            stop,
            stalled,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The URL of a page, given its path below `/docs/`.
    pub fn page_url(&self, page: &str) -> String {
        self.url(&format!("/docs/{page}"))
    }

    /// The paths requested so far, in order.
    pub fn request_log(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// How many requests `path` has had.
    pub fn requests(&self, path: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|seen| *seen == path)
            .count()
    }

    pub fn page_requests(&self, page: &str) -> usize {
        self.requests(&format!("/docs/{page}"))
    }

    /// Whether a [`Reply::Stall`] has sent its half of the body and is stalling.
    pub fn stalled(&self) -> bool {
        self.stalled.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    listener: &TcpListener,
    routes: &BTreeMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
    stalled: &AtomicBool,
) {
    let deadline = Instant::now() + SERVER_LIFETIME;
    let mut connections = 0;
    while !stop.load(Ordering::SeqCst) && Instant::now() < deadline && connections < MAX_CONNECTIONS {
        match listener.accept() {
            Ok((stream, _)) => {
                connections += 1;
                let _ = answer(stream, routes, requests, stop, stalled);
            }
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(2));
            }
            Err(_) => return,
        }
    }
}

fn answer(
    mut stream: TcpStream,
    routes: &BTreeMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
    stalled: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let Some(path) = read_request_path(&mut stream)? else {
        return Ok(());
    };
    let seen = {
        let mut requests = requests.lock().unwrap();
        requests.push(path.clone());
        requests.iter().filter(|seen| **seen == path).count()
    };
    match routes.get(&path) {
        None => respond(&mut stream, 404, &[], b"not found"),
        Some(Reply::Page(body)) => respond(&mut stream, 200, &[], body),
        Some(Reply::PageWithHeaders(headers, body)) => respond(&mut stream, 200, headers, body),
        Some(Reply::Status(status)) => respond(&mut stream, *status, &[], b"failure"),
        Some(Reply::StatusesThenPage(statuses, body)) => match statuses.get(seen - 1) {
            Some(status) => respond(&mut stream, *status, &[], b"failure"),
            None => respond(&mut stream, 200, &[], body),
        },
        Some(Reply::Redirect(status, location)) => {
            respond(&mut stream, *status, &[("Location", location.clone())], b"")
        }
        Some(Reply::DropMidBody(body)) => {
            stream.write_all(&head(200, &[], body.len()))?;
            stream.write_all(&body[..body.len() / 2])?;
            stream.flush()
        }
        Some(Reply::Trickle(body, interval)) => {
            stream.write_all(&head(200, &[], body.len()))?;
            for byte in body {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                stream.write_all(&[*byte])?;
                stream.flush()?;
                thread::sleep(*interval);
            }
            Ok(())
        }
        Some(Reply::Stall(body)) => {
            stream.write_all(&head(200, &[], body.len()))?;
            stream.write_all(&body[..body.len() / 2])?;
            stream.flush()?;
            stalled.store(true, Ordering::SeqCst);
            let until = Instant::now() + SERVER_LIFETIME;
            while !stop.load(Ordering::SeqCst) && Instant::now() < until {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(())
        }
        Some(Reply::Silence(duration)) => {
            let until = Instant::now() + *duration;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(())
        }
    }
}

/// Reads a request's head and returns its target path.
fn read_request_path(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut request = Vec::new();
    let mut buffer = [0; 4096];
    while !request.windows(4).any(|window| window == b"\r\n\r\n") {
        let read = stream.read(&mut buffer)?;
        if read == 0 || request.len() > MAX_REQUEST_BYTES {
            return Ok(None);
        }
        request.extend_from_slice(&buffer[..read]);
    }
    let request = String::from_utf8_lossy(&request);
    Ok(request.split_whitespace().nth(1).map(str::to_owned))
}

fn head(status: u16, headers: &[(&str, String)], length: usize) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {status} Test\r\nContent-Type: text/markdown\r\nContent-Length: {length}\r\n\
         Connection: close\r\n"
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    head.into_bytes()
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    stream.write_all(&head(status, headers, body.len()))?;
    stream.write_all(body)?;
    stream.flush()
}
