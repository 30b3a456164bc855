<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: which are footnotes, how they are numbered, and what points at them.

  A note that stands inside running text (a paragraph, a line, a heading, a quotation, or among
  the words of an opener or closer) is a footnote: the page moves it to the notes of its text and
  leaves a numbered reference. A note of a critical apparatus (a child of app) belongs to its
  apparatus entry, the note of a register's entry (a person's, a place's) to that entry. A note
  that stands as a block (a child of a division, the back's notes division...) stays where it
  is; refs and ptrs whose @target names it link to it, and it links back to them.
  The edition's own notes (note[@subtype='added']) are footnotes like the others, labelled as
  the editor's; the plain-text output has its own parameter for them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:tk="https://teikit.invalid/ns/xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:key name="tk:refs-to" match="ref[@target] | ptr[@target]" use="tk:local-ids(@target)"/>

  <xsl:function name="tk:is-footnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note[self::note][ancestor::text]
                                      [not(tk:is-block-container(parent::*)) or tk:in-running-text(.)]
                                      [not(parent::app or parent::rdgGrp or tk:is-entry(parent::*))])"/>
  </xsl:function>

  <xsl:variable name="tk:footnotes" as="element()*" select="//text//note[tk:is-footnote(.)]"/>

  <!-- generate-id() of a footnote -> (number in the document, number in its outermost text). -->
  <xsl:variable name="tk:footnote-number" as="map(xs:string, xs:integer+)" select="map:merge(
      let $ids := $tk:footnotes ! generate-id(.)
      return for $t in //text[not(ancestor::text)]
      return let $notes := $t//note[tk:is-footnote(.)],
                 $start := if (empty($notes)) then 0 else index-of($ids, generate-id($notes[1]))[1] - 1
      return for $i in 1 to count($notes)
      return map:entry(generate-id($notes[$i]), ($start + $i, $i)))"/>

  <!-- The number a footnote shows: its own @n, else its place among its text's footnotes. -->
  <xsl:function name="tk:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="(normalize-space($note/@n)[.], string($tk:footnote-number(generate-id($note))[2]))[1]"/>
  </xsl:function>

  <!-- refs and ptrs whose @target names a note (the note anchors of teikit's TEI, "[1]"). -->
  <xsl:variable name="tk:noterefs" as="element()*"
      select="//text//(ref | ptr)[@target][tk:pointed(@target)[self::note]]"/>

  <xsl:variable name="tk:noteref-number" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($tk:noterefs) return map:entry(generate-id($tk:noterefs[$i]), $i))"/>

  <xsl:function name="tk:is-noteref" as="xs:boolean">
    <xsl:param name="ref" as="element()"/>
    <xsl:sequence select="map:contains($tk:noteref-number, generate-id($ref))"/>
  </xsl:function>

  <!-- What a note links back to: the refs pointing at it and what its own @target names. -->
  <xsl:function name="tk:note-anchors" as="element()*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($note/@xml:id/key('tk:refs-to', string(.), root(.))[ancestor::text]
                          | tk:pointed($note/@target)[ancestor::text][self::ref or self::ptr or self::anchor])"/>
  </xsl:function>

</xsl:stylesheet>
