<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes (see common_notes.xsl for which are footnotes). A footnote leaves a numbered link
  (role doc-noteref) where it stands and is printed with the other footnotes of its document
  (role doc-footnote), with a link back. A note standing as a block stays where it is, linked
  both ways with the refs that point at it (teikit's "[1]" anchors and their notes).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:function name="tk:footnote-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'tk-fn-' || $tk:footnote-number(generate-id($note))[1]"/>
  </xsl:function>

  <xsl:function name="tk:footnote-ref-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'tk-fnref-' || $tk:footnote-number(generate-id($note))[1]"/>
  </xsl:function>

  <!-- The HTML id of a note wherever it is printed. -->
  <xsl:function name="tk:note-html-id" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (tk:is-footnote($note)) then tk:footnote-id($note) else tk:own-id($note)"/>
  </xsl:function>

  <!-- The HTML id of a ref or ptr that points at a note. -->
  <xsl:function name="tk:noteref-id" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="(tk:own-id($ref), 'tk-noteref-' || $tk:noteref-number(generate-id($ref)))[1]"/>
  </xsl:function>

  <xsl:template match="note">
    <xsl:param name="tk:in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="tk:is-footnote(.) and $tk:in-link">
        <sup class="tk-noteref" id="{tk:footnote-ref-id(.)}">
          <xsl:value-of select="tk:note-label(.)"/>
        </sup>
      </xsl:when>
      <xsl:when test="tk:is-footnote(.)">
        <a class="tk-noteref" href="#{tk:footnote-id(.)}" id="{tk:footnote-ref-id(.)}" role="doc-noteref">
          <sup><xsl:value-of select="tk:note-label(.)"/></sup>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="anchors" select="tk:note-anchors(.)"/>
        <xsl:element name="{if ($tk:phrasing) then 'span' else 'aside'}">
          <xsl:sequence select="tk:attrs(., (if (@subtype = 'added') then 'tk-added' else (),
                                             if ($tk:phrasing) then 'tk-block' else ()))"/>
          <xsl:if test="exists($anchors) and not($tk:phrasing)">
            <xsl:attribute name="role" select="'doc-footnote'"/>
          </xsl:if>
          <xsl:call-template name="tk:note-body">
            <xsl:with-param name="backlinks" select="$anchors ! tk:anchor-href(.)"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="tk:anchor-href" as="xs:string?">
    <xsl:param name="anchor" as="element()"/>
    <xsl:sequence select="if ($anchor[self::ref or self::ptr] and tk:is-noteref($anchor))
                          then '#' || tk:noteref-id($anchor)
                          else tk:own-id($anchor) ! ('#' || .)"/>
  </xsl:function>

  <!-- The content of a note, after its back links (and the editor's label for added notes). -->
  <xsl:template name="tk:note-body">
    <xsl:param name="backlinks" as="xs:string*"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="tk:phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:for-each select="$backlinks">
      <a class="tk-backlink" href="{.}" role="doc-backlink" aria-label="{tk:label('backlink')}">
        <xsl:value-of select="($label, '↩')[1]"/>
      </a>
      <xsl:text> </xsl:text>
    </xsl:for-each>
    <xsl:if test="@subtype = 'added'">
      <span class="tk-note-resp">
        <xsl:value-of select="string-join((tk:label('editorial-note'),
                                           tk:resp-names(@resp)), ', ')"/>
      </span>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:element name="{if ($tk:phrasing) then 'span' else 'div'}">
      <xsl:attribute name="class" select="'tk-note-body'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- The footnotes of one document. -->
  <xsl:template name="tk:footnotes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="exists($notes)">
      <section class="tk-footnotes" role="doc-endnotes" aria-label="{tk:label('notes')}">
        <xsl:element name="h{min((6, tk:doc-level(.) + 1))}">
          <xsl:attribute name="class" select="'tk-footnotes-title'"/>
          <xsl:value-of select="tk:label('notes')"/>
        </xsl:element>
        <xsl:for-each select="$notes">
          <aside id="{tk:footnote-id(.)}" role="doc-footnote">
            <xsl:sequence select="tk:attrs(., ('tk-footnote', if (@subtype = 'added') then 'tk-added' else ()), false())"/>
            <xsl:call-template name="tk:note-body">
              <xsl:with-param name="backlinks" select="'#' || tk:footnote-ref-id(.)"/>
              <xsl:with-param name="label" select="tk:note-label(.)"/>
              <xsl:with-param name="tk:phrasing" select="false()" tunnel="yes"/>
              <xsl:with-param name="tk:in-link" select="false()" tunnel="yes"/>
            </xsl:call-template>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
