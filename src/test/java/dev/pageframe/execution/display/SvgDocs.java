package dev.pageframe.execution.display;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses SVG output with a hardened XML parser and finds elements in it, for tests. */
final class SvgDocs {

    private SvgDocs() {}

    /** Parses {@code xml}, failing on anything not well-formed; DTDs are refused outright. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(xml)));
    }

    /** Elements whose class attribute is exactly {@code cls}. */
    static List<Element> byClass(Document doc, String cls) {
        List<Element> out = new ArrayList<>();
        collect(doc.getDocumentElement(), cls, out);
        return out;
    }

    /** Elements named {@code tag}. */
    static List<Element> byTag(Document doc, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static void collect(Element e, String cls, List<Element> out) {
        if (cls.equals(e.getAttribute("class"))) {
            out.add(e);
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                collect(child, cls, out);
            }
        }
    }
}
