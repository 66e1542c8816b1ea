//! A webhook receiver for tests: a real HTTP/1.1 server on a local port that records every
//! request and answers with the status the test scripted (or never answers, to play a
//! receiver that hangs).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }
}

/// What the receiver answers: `Some(status)`, or `None` to hold the connection open
/// without answering.
#[derive(Default)]
struct Script {
    next: VecDeque<Option<u16>>,
    otherwise: Option<u16>,
}

#[derive(Clone)]
pub struct Receiver {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<Script>>,
}

impl Receiver {
    /// Answers 200 until told otherwise.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let received = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(Script {
            next: VecDeque::new(),
            otherwise: Some(200),
        }));
        let (rec, scr) = (received.clone(), script.clone());
        tokio::spawn(async move {
            while let Ok((sock, _)) = listener.accept().await {
                let (rec, scr) = (rec.clone(), scr.clone());
                tokio::spawn(async move { serve(sock, rec, scr).await });
            }
        });
        Self {
            base,
            received,
            script,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The next answers, in order; then `otherwise`.
    pub fn answer(&self, next: &[Option<u16>], otherwise: Option<u16>) {
        let mut s = self.script.lock().expect("script");
        s.next = next.iter().copied().collect();
        s.otherwise = otherwise;
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("received").clone()
    }
}

async fn serve(
    mut sock: tokio::net::TcpStream,
    received: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<Script>>,
) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    // Head first, then as much body as content-length says.
    let head_end = loop {
        let Ok(n) = sock.read(&mut chunk).await else {
            return;
        };
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split_whitespace();
    let method = first.next().unwrap_or_default().to_owned();
    let path = first.next().unwrap_or_default().to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let body = String::from_utf8_lossy(&buf[head_end..head_end + length]).into_owned();
    received.lock().expect("received").push(Received {
        method,
        path,
        headers,
        body,
    });
    let answer = {
        let mut s = script.lock().expect("script");
        let otherwise = s.otherwise;
        s.next.pop_front().unwrap_or(otherwise)
    };
    match answer {
        Some(status) => {
            let reply = format!(
                "HTTP/1.1 {status} Scripted\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
            sock.write_all(reply.as_bytes()).await.ok();
        }
        None => {
            // Holds the connection until the sender gives up.
            tokio::time::sleep(std::time::Duration::from_secs(600)).await;
        }
    }
}
