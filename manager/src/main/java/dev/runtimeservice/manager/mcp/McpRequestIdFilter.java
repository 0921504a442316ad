package dev.runtimeservice.manager.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the JSON-RPC id of each {@code tools/call} to its handler, as the request attribute the transport's context
 * extractor passes on ({@link ToolCalls#REQUEST_ID}): MCP Java SDK 2.2.0 gives a handler the session, not the id,
 * and {@code notifications/cancelled} names the call it cancels by that id. The body is read once here with the
 * SDK's own parser and given on to the SDK's servlet unchanged; its size was checked already
 * (security.RequestSizeFilter runs first and refuses bodies of unknown length).
 */
class McpRequestIdFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = McpRequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Charset charset = charset(request.getCharacterEncoding());
        Object id = toolCallId(new String(body, charset));
        if (id != null) {
            request.setAttribute(ATTRIBUTE, String.valueOf(id));
        }
        chain.doFilter(new ReadBody(request, body, charset), response);
    }

    private static Charset charset(@Nullable String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8; // the SDK's servlet refuses what it cannot decode
        }
    }

    private @Nullable Object toolCallId(String body) {
        try {
            return McpSchema.deserializeJsonRpcMessage(McpJson.MAPPER, body) instanceof JSONRPCRequest call
                            && McpSchema.METHOD_TOOLS_CALL.equals(call.method())
                    ? call.id()
                    : null;
        } catch (IOException | RuntimeException e) {
            return null; // not a JSON-RPC message: the SDK's servlet answers that itself
        }
    }

    /** The request with its body already read, served again from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;
        private final Charset charset;

        ReadBody(HttpServletRequest request, byte[] body, Charset charset) {
            super(request);
            this.body = body;
            this.charset = charset;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the MCP servlet reads its body blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
