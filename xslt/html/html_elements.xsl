<?xml version="1.0" encoding="UTF-8"?>
<!--
  How a TEI element becomes an HTML element: its attributes (id, lang, classes from its name,
  @rend and @rendition, @style, @resp/@cert as data attributes), and the choice between a block
  (p, div...) and a span.

  The tunnel parameter tk:phrasing is true inside HTML elements that may hold phrasing content
  only (p, headings, spans, links). There a TEI block (a list inside a paragraph, a line group
  inside a quotation) becomes a span with the class tk-block, which the style sheet displays as
  a block: the page stays valid HTML whatever the TEI nests. The tunnel parameter tk:in-link is
  true inside a link, where names and references do not open another link.

  Any element without a template of its own falls back to its content, in a span or a div named
  after it: no word of a text is ever dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The HTML attributes of a TEI element; $classes come after the element's own class. -->
  <xsl:function name="tk:attrs" as="attribute()*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="classes" as="xs:string*"/>
    <xsl:sequence select="tk:attrs($e, $classes, true())"/>
  </xsl:function>

  <xsl:function name="tk:attrs" as="attribute()*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="classes" as="xs:string*"/>
    <xsl:param name="with-id" as="xs:boolean"/>
    <xsl:if test="$with-id and exists(tk:own-id($e))">
      <xsl:attribute name="id" select="tk:own-id($e)"/>
    </xsl:if>
    <xsl:if test="$e/@xml:lang">
      <xsl:attribute name="lang" select="$e/@xml:lang"/>
    </xsl:if>
    <xsl:attribute name="class" select="string-join(distinct-values((
        'tk-' || local-name($e),
        $classes,
        $e/@type ! ('tk-type-' || replace(normalize-space(.), '[^A-Za-z0-9\-]', '_')),
        tk:rend-tokens($e/@rend) ! ('tk-rend-' || .),
        tk:local-ids($e/@rendition) ! ('tk-rendition-' || .))), ' ')"/>
    <xsl:if test="$e/@style">
      <xsl:attribute name="style" select="$e/@style"/>
    </xsl:if>
    <xsl:if test="$e/@resp">
      <xsl:attribute name="data-resp" select="$e/@resp"/>
    </xsl:if>
    <xsl:if test="$e/@cert">
      <xsl:attribute name="data-cert" select="$e/@cert"/>
    </xsl:if>
  </xsl:function>

  <!-- Render the context element as $block-name (with $inner-phrasing saying whether that HTML
       element takes phrasing content only), or as a span.tk-block where only phrasing content
       is allowed. $content defaults to the element's children (TEI nodes: what it holds is
       rendered by the templates); $attributes are added to the HTML element. -->
  <xsl:template name="tk:container">
    <xsl:param name="block-name" as="xs:string" select="'div'"/>
    <xsl:param name="inner-phrasing" as="xs:boolean" select="false()"/>
    <xsl:param name="classes" as="xs:string*" select="()"/>
    <xsl:param name="content" as="node()*" select="node()"/>
    <xsl:param name="attributes" as="attribute()*" select="()"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($tk:phrasing) then 'span' else $block-name}">
      <xsl:sequence select="tk:attrs(., ($classes, if ($tk:phrasing) then 'tk-block' else ())), $attributes"/>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="tk:phrasing" select="$tk:phrasing or $inner-phrasing" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- Render the context element inline, as $name (span by default). -->
  <xsl:template name="tk:inline">
    <xsl:param name="name" as="xs:string" select="'span'"/>
    <xsl:param name="classes" as="xs:string*" select="()"/>
    <xsl:element name="{$name}">
      <xsl:sequence select="tk:attrs(., $classes)"/>
      <xsl:apply-templates>
        <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- The context element as a block ($block-name) where it stands as a block, else inline
       ($inline-name): stage directions, title-page parts, bibliographic entries, and any
       element without a template of its own. -->
  <xsl:template name="tk:block-or-inline">
    <xsl:param name="block-name" as="xs:string" select="'div'"/>
    <xsl:param name="inner-phrasing" as="xs:boolean" select="false()"/>
    <xsl:param name="inline-name" as="xs:string" select="'span'"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($tk:phrasing) and tk:stands-as-block(.)">
        <xsl:call-template name="tk:container">
          <xsl:with-param name="block-name" select="$block-name"/>
          <xsl:with-param name="inner-phrasing" select="$inner-phrasing"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="tk:inline">
          <xsl:with-param name="name" select="$inline-name"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" priority="-1">
    <xsl:call-template name="tk:block-or-inline"/>
  </xsl:template>

  <!-- Elements outside the TEI namespace inside a text: keep their content. -->
  <xsl:template match="*[not(namespace-uri() = 'http://www.tei-c.org/ns/1.0')]" priority="-0.9">
    <span class="tk-foreign-element" data-name="{local-name()}">
      <xsl:apply-templates>
        <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

</xsl:stylesheet>
