<?xml version="1.0" encoding="UTF-8"?>
<!--
  Links: ref and ptr. A local pointer links to where its target is printed (a note, a division,
  an index entry, any element with an id in a text); a pointer to something the page does not
  print is kept as text, never as a dangling link. URIs are links as they are.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The href of a pointer's first target, or () when the page prints nothing it can link to. -->
  <xsl:function name="tk:href" as="xs:string?">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:choose>
      <xsl:when test="empty($first)"/>
      <xsl:when test="starts-with($first, '#')">
        <xsl:variable name="target" select="key('tk:id', substring($first, 2), root($pointer))[1]"/>
        <xsl:sequence select="tk:element-href($target, $first)"/>
      </xsl:when>
      <xsl:when test="matches($first, '^(https?|mailto|ftp):', 'i')">
        <xsl:sequence select="$first"/>
      </xsl:when>
      <!-- relative URIs and unknown schemes (a prefix definition, a file of the project) -->
      <xsl:otherwise>
        <xsl:sequence select="$first[not(matches(., '^[a-zA-Z][a-zA-Z0-9+.\-]*:'))]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="tk:element-href" as="xs:string?">
    <xsl:param name="target" as="element()?"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="entry" select="$tk:entry-by-key($pointer)"/>
    <xsl:sequence select="
        if (empty($target)) then ()
        else if ($target[self::note][ancestor::text]) then '#' || tk:note-html-id($target)
        else if (tk:is-div($target) and $target/ancestor::text) then '#' || tk:div-id($target)
        else if (exists($entry) and $index) then '#' || $entry?id
        else if ($target/ancestor-or-self::text or $target[self::TEI]) then tk:own-id($target) ! ('#' || .)
        else ()"/>
  </xsl:function>

  <!-- What a pointer without words of its own (ptr, an empty ref) shows: the number of the note
       it points at, the heading of a division, the name of an index entry, the title of a
       document, an element's @n, else its own address (without the '#' of a local one). -->
  <xsl:function name="tk:pointer-label" as="xs:string">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:variable name="target" select="if (starts-with($first, '#'))
                                        then key('tk:id', substring($first, 2), root($pointer))[1] else ()"/>
    <xsl:variable name="entry" select="if (exists($target)) then $tk:entry-by-key($first) else ()"/>
    <xsl:sequence select="(
        $target[self::note] ! (if (tk:is-footnote(.)) then tk:note-label(.) else normalize-space(@n)),
        $target[tk:is-div(.)] ! tk:plain-text(head[1]),
        $target[self::TEI or self::teiCorpus] ! tk:main-title(.),
        $entry?label,
        $target/normalize-space(@n),
        tk:shortened($target[self::bibl or self::biblStruct or self::head or self::label or self::title]),
        replace(string($first), '^#', ''))[normalize-space()][1]"/>
  </xsl:function>

  <xsl:template match="ref | ptr">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="noteref" select="tk:is-noteref(.)"/>
    <xsl:variable name="href" select="tk:href(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($tk:in-link)">
        <a href="{$href}">
          <xsl:sequence select="tk:attrs(., if ($noteref) then 'tk-noteref' else (), false())"/>
          <xsl:if test="$noteref or exists(tk:own-id(.))">
            <xsl:attribute name="id" select="if ($noteref) then tk:noteref-id(.) else tk:own-id(.)"/>
          </xsl:if>
          <xsl:if test="$noteref">
            <xsl:attribute name="role" select="'doc-noteref'"/>
          </xsl:if>
          <xsl:call-template name="tk:link-text"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:sequence select="tk:attrs(., (), false())"/>
          <xsl:if test="$noteref or exists(tk:own-id(.))">
            <xsl:attribute name="id" select="if ($noteref) then tk:noteref-id(.) else tk:own-id(.)"/>
          </xsl:if>
          <xsl:call-template name="tk:link-text"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tk:link-text">
    <xsl:choose>
      <xsl:when test="self::ptr or not(node())">
        <xsl:value-of select="tk:pointer-label(@target)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates>
          <xsl:with-param name="tk:phrasing" select="true()" tunnel="yes"/>
          <xsl:with-param name="tk:in-link" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
